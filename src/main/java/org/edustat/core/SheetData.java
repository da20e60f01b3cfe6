package org.edustat.core;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * One normalised sheet: rows by canonical key (grade, staff category or item), each with
 * figures by canonical column. Key-value sheets use the single column {@link #VALUE}.
 *
 * @param sheet the canonical name of the sheet in the form
 * @param sheetName the sheet's name in the school's workbook
 */
public record SheetData(String sheet, String sheetName, Map<String, Map<String, Figure>> rows) {

	/** The column key of key-value sheets (办学条件). */
	public static final String VALUE = "值";

	public Optional<Figure> figure(String row, String column) {
		Map<String, Figure> cells = rows.get(row);
		return cells == null ? Optional.empty() : Optional.ofNullable(cells.get(column));
	}

	/**
	 * The value of a cell, zero where the row or column is absent (a grade a school does
	 * not teach).
	 */
	public BigDecimal value(String row, String column) {
		return figure(row, column).map(Figure::value).orElse(BigDecimal.ZERO);
	}

	public boolean hasRow(String row) {
		return rows.containsKey(row);
	}
}
