package org.edustat.season;

/**
 * An act refused: another 区县's school, a locked period, a school with nothing loaded, a
 * 区县 not complete.
 */
public class ReviewRefused extends RuntimeException {

	public ReviewRefused(String message) {
		super(message);
	}

}
