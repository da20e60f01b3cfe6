package org.edustat.examine;

import org.jspecify.annotations.Nullable;

/**
 * A file of jobs/ (form, rules or indicators) cannot be used; the message names the file,
 * the entry and the problem.
 */
public class JobFilesException extends RuntimeException {

	public JobFilesException(@Nullable String message, Throwable cause) {
		super(message, cause);
	}

}
