package org.edustat.benchmark;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * A candidate floor beside {@link BareRead}: every cell of every sheet with
 * fastexcel-reader (cell formats read) — the library the import read .xlsx with before it
 * parsed the package's parts itself — on one thread; .xls with HSSF as there.
 */
final class LightRead {

	private final BareRead xls = new BareRead();

	private long cells;

	long cells() {
		return cells + xls.cells();
	}

	void read(Path file) throws Exception {
		if (BareRead.isXls(file)) {
			xls.readXls(file);
			return;
		}
		try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, true))) {
			for (Sheet sheet : workbook.getSheets().toList()) {
				try (Stream<Row> rows = sheet.openStream()) {
					rows.forEach(row -> {
						for (int i = 0; i < row.getCellCount(); i++) {
							cells += row.getCell(i) == null ? 0 : 1;
						}
					});
				}
			}
		}
	}

}
