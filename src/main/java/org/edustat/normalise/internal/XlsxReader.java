package org.edustat.normalise.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Reads .xlsx with dhatim's fastexcel-reader (StAX over the package's XML, shared strings read only as far as a cell
 * needs): cached formula results, no workbook model. The package passes {@link ZipGuard} first. Gives the same text
 * for a cell as the reader of .xls: numbers in plain notation, dates marked, errors as {@code ERROR:#…}.
 */
final class XlsxReader {

	private static final ReadingOptions WITH_FORMATS = new ReadingOptions(true, true);

	/** The workbook's sheet names in order, read from its workbook part alone. */
	List<String> sheetNames(Path file) throws IOException {
		ZipGuard.check(file, false);
		try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile())) {
			return workbook.getSheets().map(Sheet::getName).toList();
		}
	}

	RawWorkbook read(Path file, Predicate<String> wanted, ReadLimits limits) throws IOException {
		ZipGuard.check(file);
		try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile(), WITH_FORMATS)) {
			List<String> names = new ArrayList<>();
			List<RawSheet> parsed = new ArrayList<>();
			for (Sheet sheet : workbook.getSheets().toList()) {
				names.add(sheet.getName());
				if (wanted.test(sheet.getName())) {
					parsed.add(parseSheet(sheet, limits, workbook.isDate1904()));
				}
			}
			return new RawWorkbook(names, parsed);
		}
	}

	private RawSheet parseSheet(Sheet sheet, ReadLimits limits, boolean date1904) throws IOException {
		GridBuilder grid = new GridBuilder(sheet.getName(), limits);
		try (Stream<Row> rows = sheet.openStream()) {
			rows.forEach(row -> {
				grid.startRow(row.getRowNum() - 1);
				for (int i = 0; i < row.getCellCount(); i++) {
					Cell cell = row.getCell(i);
					if (cell != null) {
						grid.cell(cell.getColumnIndex(), text(cell, date1904));
					}
				}
				grid.endRow();
			});
		}
		return grid.build();
	}

	private static String text(Cell cell, boolean date1904) {
		Object value = cell.getValue();
		return switch (cell.getType()) {
			case EMPTY -> null;
			case ERROR -> "ERROR:" + cell.getRawValue();
			case BOOLEAN -> Boolean.TRUE.equals(value) ? "TRUE" : "FALSE";
			case STRING -> value == null ? null : value.toString();
			case NUMBER -> number(cell, (BigDecimal) value, date1904);
			case FORMULA -> formulaResult(cell, value, date1904);
		};
	}

	/** A formula's cached result: the number, text, truth value or error Excel saved with it. */
	private static String formulaResult(Cell cell, Object value, boolean date1904) {
		if (value instanceof BigDecimal number) {
			return number(cell, number, date1904);
		}
		if (value instanceof Boolean truth) {
			return truth ? "TRUE" : "FALSE";
		}
		if (value instanceof String text && text.startsWith("#") && isError(text)) {
			return "ERROR:" + text;
		}
		return value == null ? null : value.toString();
	}

	private static boolean isError(String text) {
		return switch (text) {
			case "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A" -> true;
			default -> false;
		};
	}

	private static String number(Cell cell, BigDecimal value, boolean date1904) {
		if (value == null) {
			return null;
		}
		Integer format = cell.getDataFormatId();
		return format == null ? RawValueFormatter.plain(value.doubleValue())
				: RawValueFormatter.numeric(value.doubleValue(), format, cell.getDataFormatString(), date1904);
	}
}
