package org.edustat.core;

/**
 * A cell as the school sees it in Excel: the sheet's own name, and the 1-based row and A-based column, e.g. 学生!D14.
 * A reference to a whole sheet has row 0; to a whole workbook, an empty sheet name.
 */
public record CellRef(String sheet, int row, int column) {

	public static CellRef of(String sheet, int zeroBasedRow, int zeroBasedColumn) {
		return new CellRef(sheet, zeroBasedRow + 1, zeroBasedColumn);
	}

	public static CellRef sheet(String sheet) {
		return new CellRef(sheet, 0, 0);
	}

	public static CellRef workbook() {
		return new CellRef("", 0, 0);
	}

	/** The column letters of a zero-based column index (0 → A, 26 → AA). */
	public static String columnLetters(int column) {
		StringBuilder letters = new StringBuilder();
		for (int c = column; c >= 0; c = c / 26 - 1) {
			letters.insert(0, (char) ('A' + c % 26));
		}
		return letters.toString();
	}

	/** The cell alone, e.g. D14, or empty for a whole sheet. */
	public String address() {
		return row > 0 ? columnLetters(column) + row : "";
	}

	@Override
	public String toString() {
		if (sheet.isEmpty()) {
			return "";
		}
		return row > 0 ? sheet + "!" + address() : sheet;
	}
}
