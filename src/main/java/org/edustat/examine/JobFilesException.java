package org.edustat.examine;

/**
 * A file of jobs/ (form, rules or indicators) cannot be used; the message names the file,
 * the entry and the problem.
 */
public class JobFilesException extends RuntimeException {

	public JobFilesException(String message, Throwable cause) {
		super(message, cause);
	}

}
