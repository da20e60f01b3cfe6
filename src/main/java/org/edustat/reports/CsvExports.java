package org.edustat.reports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.edustat.core.CsvCell;

/**
 * 明细数据 and 学校明细 of a report as CSV beside it — 「2023H1 半年报_明细数据.csv」 — read back from the
 * workbook just written, so that each CSV cell is the workbook's: UTF-8 with a BOM and
 * Chinese headers (Excel and WPS open it right), CRLF, fields quoted where they hold a
 * comma, quote or line break, numbers exact, and a text that begins with = + - @ made
 * inert with a leading apostrophe (no formula runs when the file is opened).
 */
final class CsvExports {

	/** The sheets written as CSV. */
	static final List<String> SHEETS = List.of("明细数据", "学校明细");

	private CsvExports() {
	}

	/** The CSV of a sheet of a report: beside it, named after both. */
	static Path csv(Path report, String sheet) {
		String name = report.getFileName().toString().replaceFirst("\\.xlsx$", "");
		return report.resolveSibling(name + "_" + sheet + ".csv");
	}

	/**
	 * Writes the CSVs of a report workbook (written at {@code workbook}, to be known as
	 * {@code report}), each first as a hidden part then moved into place.
	 */
	static List<Path> write(Path workbook, Path report) throws IOException {
		List<Path> written = new ArrayList<>();
		try (ReadableWorkbook wb = new ReadableWorkbook(workbook.toFile())) {
			for (Sheet sheet : wb.getSheets().toList()) {
				if (!SHEETS.contains(sheet.getName())) {
					continue;
				}
				Path target = csv(report, sheet.getName());
				Path partial = target.resolveSibling("." + target.getFileName() + ".part");
				try (Writer out = new BufferedWriter(Files.newBufferedWriter(partial, StandardCharsets.UTF_8));
						Stream<Row> rows = sheet.openStream()) {
					out.write('\uFEFF');
					for (Row row : (Iterable<Row>) rows::iterator) {
						List<String> fields = new ArrayList<>();
						for (int c = 0; c < row.getCellCount(); c++) {
							fields.add(field(row.getCell(c)));
						}
						out.write(String.join(",", fields));
						out.write("\r\n");
					}
				}
				Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
				written.add(target);
			}
		}
		return written;
	}

	static String field(Cell cell) {
		if (cell == null || cell.getType() == CellType.EMPTY) {
			return "";
		}
		if (cell.getType() == CellType.NUMBER) {
			BigDecimal value = cell.asNumber();
			return value.stripTrailingZeros().toPlainString();
		}
		return CsvCell.of(cell.getText());
	}

}
