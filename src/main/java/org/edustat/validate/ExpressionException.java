package org.edustat.validate;

import org.jspecify.annotations.Nullable;

/**
 * An expression that cannot be compiled, or whose evaluation failed on the data it was
 * given.
 */
public class ExpressionException extends RuntimeException {

	public ExpressionException(@Nullable String message, Throwable cause) {
		super(message, cause);
	}

}
