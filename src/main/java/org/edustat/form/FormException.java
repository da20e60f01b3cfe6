package org.edustat.form;

/**
 * The form file cannot be used; the message names the file, the entry and what is wrong,
 * in Chinese and English.
 */
public class FormException extends RuntimeException {

	public FormException(String message) {
		super(message);
	}

	public FormException(String message, Throwable cause) {
		super(message, cause);
	}

}
