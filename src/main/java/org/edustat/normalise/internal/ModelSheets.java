package org.edustat.normalise.internal;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.jspecify.annotations.Nullable;

/**
 * A sheet of a workbook POI holds whole (an .xls; an .xlsx whose formulas had to be
 * computed) as the grid the normaliser reads, each cell's text as the streaming .xlsx
 * reader gives it.
 */
final class ModelSheets {

	private ModelSheets() {
	}

	static RawSheet parse(Sheet sheet, ReadLimits limits) {
		GridBuilder grid = new GridBuilder(sheet.getSheetName(), limits);
		for (Row row : sheet) {
			grid.startRow(row.getRowNum());
			for (Cell cell : row) {
				grid.cell(cell.getColumnIndex(), text(cell));
			}
			grid.endRow();
		}
		Workbook workbook = sheet.getWorkbook();
		int index = workbook.getSheetIndex(sheet);
		return grid.build(workbook.isSheetHidden(index) || workbook.isSheetVeryHidden(index));
	}

	/**
	 * A cell's value, or a formula's cached result; dates in the workbook's own date
	 * system (1900 or 1904).
	 */
	static @Nullable String text(Cell cell) {
		CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
		return switch (type) {
			case NUMERIC ->
				DateUtil.isCellDateFormatted(cell) ? RawSheet.DATE_MARK + cell.getLocalDateTimeCellValue().toLocalDate()
						: RawValueFormatter.plain(cell.getNumericCellValue());
			case STRING -> cell.getRichStringCellValue().getString();
			case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
			case ERROR -> "ERROR:" + FormulaError.forInt(cell.getErrorCellValue()).getString();
			default -> null;
		};
	}

}
