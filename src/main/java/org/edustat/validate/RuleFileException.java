package org.edustat.validate;

import org.jspecify.annotations.Nullable;

/**
 * A rules file that cannot be used: names the file, the rule and what is wrong, in
 * Chinese and English.
 */
public class RuleFileException extends RuntimeException {

	public RuleFileException(String message) {
		super(message);
	}

	public RuleFileException(@Nullable String message, Throwable cause) {
		super(message, cause);
	}

}
