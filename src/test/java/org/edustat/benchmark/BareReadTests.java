package org.edustat.benchmark;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.edustat.core.FileFormat;
import org.edustat.core.SchoolType;
import org.edustat.testing.Workbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's floor reads every cell of every sheet, .xlsx and .xls alike: the count
 * it compares against.
 */
class BareReadTests {

	@TempDir
	Path folder;

	@Test
	void readsEveryCellOfBothFormats() throws Exception {
		for (FileFormat format : FileFormat.values()) {
			byte[] bytes = Workbooks.submission(Workbooks.school(SchoolType.NINE_YEAR), Workbooks.H1_2023)
				.format(format)
				.bytes();
			Path file = Workbooks.write(folder, "school." + format.name().toLowerCase(), bytes, Instant.now());
			BareRead read = new BareRead();
			read.read(file);
			assertThat(read.cells()).as(format.name()).isEqualTo(cellsByPoi(file));
		}
	}

	private static long cellsByPoi(Path file) throws Exception {
		long cells = 0;
		try (InputStream in = Files.newInputStream(file); Workbook wb = WorkbookFactory.create(in)) {
			for (Sheet sheet : wb) {
				for (Row row : sheet) {
					cells += row.getPhysicalNumberOfCells();
				}
			}
		}
		return cells;
	}

}
