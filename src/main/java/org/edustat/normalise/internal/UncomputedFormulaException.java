package org.edustat.normalise.internal;

import org.jspecify.annotations.Nullable;

/**
 * A formula cell saved without its result (a workbook written by a program that does not
 * calculate, as openpyxl does): the reader then computes it, and this is thrown when it
 * cannot.
 */
class UncomputedFormulaException extends RuntimeException {

	private final String sheet;

	private final int row;

	private final int column;

	UncomputedFormulaException(String sheet, int row, int column, @Nullable String reason) {
		super("formula without a saved result in sheet '" + sheet + "' row " + (row + 1) + " column " + (column + 1)
				+ (reason == null ? "" : ": " + reason));
		this.sheet = sheet;
		this.row = row;
		this.column = column;
	}

	String sheet() {
		return sheet;
	}

	int row() {
		return row;
	}

	int column() {
		return column;
	}

}
