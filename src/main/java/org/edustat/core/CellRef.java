package org.edustat.core;

/**
 * A cell as the school sees it in Excel: the sheet's own name, and the 1-based row and
 * A-based column, e.g. 学生!D14. A reference to a whole sheet has row 0; to a whole
 * workbook, an empty sheet name.
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

	/**
	 * A cell as {@link #toString} writes it: 学生!D14, a sheet's name alone, or empty for
	 * the whole workbook.
	 */
	public static CellRef parse(String text) {
		if (text == null || text.isEmpty()) {
			return workbook();
		}
		int bang = text.lastIndexOf('!');
		if (bang > 0 && text.substring(bang + 1).matches("[A-Z]{1,3}\\d{1,7}")) {
			String address = text.substring(bang + 1);
			int digits = address.replaceAll("^[A-Z]+", "").length();
			String letters = address.substring(0, address.length() - digits);
			int column = 0;
			for (char c : letters.toCharArray()) {
				column = column * 26 + (c - 'A' + 1);
			}
			return new CellRef(text.substring(0, bang), Integer.parseInt(address.substring(letters.length())),
					column - 1);
		}
		return sheet(text);
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
