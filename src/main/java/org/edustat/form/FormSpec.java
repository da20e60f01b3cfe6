package org.edustat.form;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * jobs/form.yaml as a statistician writes it; {@link Form#load} checks it and compiles it
 * into a {@link Form}.
 *
 * @param sheets the sheets of the school workbook
 * @param figures named cells that school-wide and history rules use
 * @param references the reference workbooks' sheets (区县, 学校名录, 年度目标) and their columns
 */
public record FormSpec(List<SheetSpec> sheets, Map<String, FigureSpec> figures, List<SheetSpec> references) {

	/**
	 * One sheet.
	 *
	 * @param name canonical name
	 * @param aliases other sheet names
	 * @param layout items (项目 | 内容) or grid (rows × columns)
	 * @param required whether the sheet must be present
	 * @param var the prefix of its columns in cross-sheet rules
	 * @param attribute the condition name telling whether a school sent it
	 * @param rows a grid's rows
	 * @param rowsFrom the sheet whose rows a grid shares
	 * @param columns a grid's columns, or a reference sheet's
	 * @param items a key–value sheet's items
	 */
	public record SheetSpec(String name, List<String> aliases, String layout, Boolean required, String var,
			String attribute, List<FieldSpec> rows, String rowsFrom, List<FieldSpec> columns, List<FieldSpec> items) {
	}

	/** One item, row or column; see {@link Field}. */
	public record FieldSpec(String name, List<String> aliases, String type, String unit,
			Map<String, BigDecimal> convert, Boolean required, String var, String stage, Boolean total,
			Boolean personal, Integer maxLength, BigDecimal max) {
	}

	/**
	 * A named cell.
	 *
	 * @param label its Chinese name in messages
	 * @param cell 工作表.行.列, or 工作表.项目 for a key–value sheet
	 */
	public record FigureSpec(String label, String cell) {
	}
}
