package org.edustat.core;

/**
 * A text as one field of a CSV file that Excel and WPS open: quoted where it holds a
 * comma, quote or line break, and a text beginning with = + - @ made inert with a leading
 * apostrophe, so that no formula runs when the file is opened.
 */
public final class CsvCell {

	private CsvCell() {
	}

	public static String of(String text) {
		if (text == null || text.isEmpty()) {
			return "";
		}
		String safe = "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
		return safe.chars().anyMatch(ch -> ch == ',' || ch == '"' || ch == '\r' || ch == '\n')
				? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
	}

}
