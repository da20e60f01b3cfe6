package org.edustat.normalise.internal;

/**
 * A spreadsheet of a kind EduStat does not read (an .xlsb binary workbook); the message
 * says so in Chinese.
 */
public class UnsupportedFormatException extends RuntimeException {

	public UnsupportedFormatException(String message) {
		super(message);
	}

}
