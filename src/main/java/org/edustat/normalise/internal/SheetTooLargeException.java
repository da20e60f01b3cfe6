package org.edustat.normalise.internal;

/** Thrown when a sheet holds more rows or columns than its limits allow. */
public class SheetTooLargeException extends RuntimeException {

	private final String sheet;

	private final int limit;

	public SheetTooLargeException(String sheet, int limit) {
		super("sheet '" + sheet + "' exceeds " + limit + " rows or columns");
		this.sheet = sheet;
		this.limit = limit;
	}

	public String sheet() {
		return sheet;
	}

	public int limit() {
		return limit;
	}

}
