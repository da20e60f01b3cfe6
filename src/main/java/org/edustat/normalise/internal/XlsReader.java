package org.edustat.normalise.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** Reads Excel 97–2003 (.xls) workbooks with HSSF; the caller bounds the file size before it gets here. */
final class XlsReader {

	RawWorkbook read(Path file, Predicate<String> wanted, ReadLimits limits) throws IOException {
		try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true);
				HSSFWorkbook workbook = new HSSFWorkbook(fs.getRoot(), false)) {
			List<String> names = new ArrayList<>();
			List<RawSheet> parsed = new ArrayList<>();
			for (Sheet sheet : workbook) {
				names.add(sheet.getSheetName());
				if (wanted.test(sheet.getSheetName())) {
					parsed.add(parseSheet(sheet, limits));
				}
			}
			return new RawWorkbook(names, parsed);
		}
	}

	private RawSheet parseSheet(Sheet sheet, ReadLimits limits) {
		GridBuilder grid = new GridBuilder(sheet.getSheetName(), limits);
		for (Row row : sheet) {
			grid.startRow(row.getRowNum());
			for (Cell cell : row) {
				grid.cell(cell.getColumnIndex(), text(cell));
			}
			grid.endRow();
		}
		return grid.build();
	}

	private static String text(Cell cell) {
		CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
		return switch (type) {
			case NUMERIC -> DateUtil.isCellDateFormatted(cell)
					? RawSheet.DATE_MARK + cell.getLocalDateTimeCellValue().toLocalDate()
					: RawValueFormatter.plain(cell.getNumericCellValue());
			case STRING -> cell.getRichStringCellValue().getString();
			case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
			case ERROR -> "ERROR:" + FormulaError.forInt(cell.getErrorCellValue()).getString();
			default -> null;
		};
	}
}
