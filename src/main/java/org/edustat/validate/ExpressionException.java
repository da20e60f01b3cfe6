package org.edustat.validate;

/**
 * An expression that cannot be compiled, or whose evaluation failed on the data it was
 * given.
 */
public class ExpressionException extends RuntimeException {

	public ExpressionException(String message, Throwable cause) {
		super(message, cause);
	}

}
