package org.edustat.intake;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.assertj.core.groups.Tuple;
import org.edustat.core.FileFormat;
import org.edustat.core.Finding;
import org.edustat.core.Rejection;
import org.edustat.core.SchoolType;
import org.edustat.normalise.SubmissionNormaliser;
import org.edustat.normalise.internal.ReadLimits;
import org.edustat.normalise.internal.WorkbookReader;
import org.edustat.testing.Workbooks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Files that must be refused without exhausting the heap (the tests run under -Xmx512m).
 */
class HostileFileTests {

	@TempDir
	Path folder;

	@BeforeAll
	static void poiLimits() {
		WorkbookReader.applySafetyLimits(100L * 1024 * 1024);
	}

	@Test
	void rejectsA200000RowWorkbookByItsRowsWithoutReadingItAll() throws IOException {
		Path file = folder.resolve("huge.xlsx");
		try (SXSSFWorkbook wb = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
			wb.setCompressTempFiles(true);
			Random random = new Random(1);
			for (String name : new String[] { "基本情况", "学生" }) {
				Sheet sheet = wb.createSheet(name);
				for (int r = 0; r < 100_000; r++) {
					Row row = sheet.createRow(r);
					row.createCell(0).setCellValue("第" + r + "行说明文字" + random.nextLong());
					for (int c = 1; c < 8; c++) {
						row.createCell(c).setCellValue(random.nextDouble() * 1e6);
					}
				}
			}
			wb.write(out);
			wb.dispose();
		}
		assertThat(Files.size(file)).isGreaterThan(10_000_000L);
		FileFormat format = new FileGuard(100L * 1024 * 1024).check(file);
		assertThatThrownBy(() -> new WorkbookReader().read(file, format,
				name -> SubmissionNormaliser.wanted(Workbooks.FORM, name), ReadLimits.SUBMISSION))
			.isInstanceOfSatisfying(Rejection.class,
					rejection -> assertThat(rejection.findings())
						.extracting(Finding::code, f -> f.cell().toString(), Finding::message)
						.containsExactly(Tuple.tuple("F06", "基本情况", "工作表「基本情况」超过2000行(列),不是学校统计报表的规模")));
	}

	@Test
	void rejectsA50MegabyteFileUnreadByItsSize() throws IOException {
		Path file = folder.resolve("big.xlsx");
		byte[] workbook = Workbooks.submission(Workbooks.school(SchoolType.PRIMARY), Workbooks.H1_2023).bytes();
		try (OutputStream out = Files.newOutputStream(file)) {
			out.write(workbook);
			out.write(new byte[50 * 1024 * 1024]);
		}
		long kilobytes = Files.size(file) / 1024;
		assertThat(kilobytes).isGreaterThan(50 * 1024);
		assertThatThrownBy(() -> new FileGuard(20L * 1024 * 1024).check(file)).isInstanceOfSatisfying(Rejection.class,
				rejection -> assertThat(rejection.findings().get(0)).extracting(Finding::code, Finding::message)
					.containsExactly("F05", "文件过大(" + kilobytes + " KB,上限 20480 KB)"));
	}

	@Test
	void readsAnXlsRenamedXlsxAsXls() throws IOException {
		Path file = folder.resolve("renamed.xlsx");
		Files.write(file,
				Workbooks.submission(Workbooks.school(SchoolType.PRIMARY), Workbooks.H1_2023)
					.format(FileFormat.XLS)
					.bytes());
		assertThat(new FileGuard(1 << 20).check(file)).isEqualTo(FileFormat.XLS);
	}

	@Test
	void rejectsAnEmptyFile() throws IOException {
		Path file = Files.createFile(folder.resolve("empty.xlsx"));
		assertThatThrownBy(() -> new FileGuard(1 << 20).check(file)).isInstanceOfSatisfying(Rejection.class,
				rejection -> assertThat(rejection.findings().get(0).code()).isEqualTo("F01"));
	}

}
