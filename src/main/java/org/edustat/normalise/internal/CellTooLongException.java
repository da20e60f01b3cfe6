package org.edustat.normalise.internal;

/**
 * Thrown when a cell holds more text than Excel itself allows (32,767 characters): not a
 * school's figure.
 */
public class CellTooLongException extends RuntimeException {

	private final String sheet;

	private final int row;

	private final int column;

	public CellTooLongException(String sheet, int row, int column) {
		super("cell text longer than " + GridBuilder.MAX_CELL_TEXT + " characters in sheet '" + sheet + "'");
		this.sheet = sheet;
		this.row = row;
		this.column = column;
	}

	public String sheet() {
		return sheet;
	}

	public int row() {
		return row;
	}

	public int column() {
		return column;
	}

}
