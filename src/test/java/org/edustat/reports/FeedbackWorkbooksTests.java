package org.edustat.reports;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.edustat.core.CellRef;
import org.edustat.core.FileFormat;
import org.edustat.core.Finding;
import org.edustat.core.SchoolType;
import org.edustat.core.Severity;
import org.edustat.core.Submission;
import org.edustat.normalise.Explanations;
import org.edustat.testing.Workbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The 回执 written from a school's own workbook: every finding marked at its cell and listed; no personal data left. */
class FeedbackWorkbooksTests {

	@TempDir
	Path folder;

	@Test
	void marksEachFindingAtItsCellListsThemAllAndBlanksThePersonalItems() throws Exception {
		byte[] bytes = Workbooks.submission(Workbooks.school(SchoolType.NINE_YEAR), Workbooks.H1_2023).bytes();
		Path original = Workbooks.write(folder, "九年.xlsx", bytes, Instant.now());
		Submission submission = Workbooks.normalise(folder, bytes, FileFormat.XLSX);
		List<Finding> findings = List.of(
				Finding.error("S02", CellRef.of("学生", 1, 3), "「一年级」行其中女生30人,多于在校生20人", "girls > students"),
				new Finding("S04", Severity.WARNING, CellRef.of("学生", 2, 2), "「二年级」平均班额58人,超过55人(大班额)", "large classes", ""));
		Path target = folder.resolve("out/九年_回执.xlsx");

		assertThat(new FeedbackWorkbooks(folder.resolve("out")).write(original, submission, findings, target, Workbooks.FORM))
			.contains(target);

		try (InputStream in = Files.newInputStream(target); Workbook wb = WorkbookFactory.create(in)) {
			assertThat(wb.getSheet("学生").getRow(1).getCell(3).getCellComment().getString().getString())
				.contains("S02").contains("「一年级」行其中女生30人,多于在校生20人");
			assertThat(wb.getSheet("学生").getRow(2).getCell(2).getCellComment().getString().getString()).contains("S04");
			Sheet results = wb.getSheet(Explanations.SHEET);
			assertThat(text(results.getRow(0))).containsExactly("共2条:错误1条,警告1条");
			assertThat(text(results.getRow(1))).startsWith("序号", Explanations.CODE, "级别", Explanations.CELL, "问题描述");
			assertThat(text(results.getRow(2))).contains("S02", "错误", "学生!D2", "「一年级」行其中女生30人,多于在校生20人");
			assertThat(text(results.getRow(3))).contains("S04", "警告", "学生!C3");
			assertThat(wb.getActiveSheetIndex()).isEqualTo(wb.getSheetIndex(Explanations.SHEET)).isZero();
			Sheet basic = wb.getSheet("基本情况");
			for (Row row : basic) {
				String item = row.getCell(0).getStringCellValue();
				if (item.equals("填报人") || item.equals("联系电话")) {
					assertThat(row.getCell(1) == null || row.getCell(1).toString().isBlank()).as(item).isTrue();
				}
			}
		}
	}

	@Test
	void aWorkbookOfTheBinaryFormatGetsAnXlsNamedFeedbackWorkbookWhateverItsNameSaid() throws Exception {
		byte[] xls = Workbooks.submission(Workbooks.school(SchoolType.PRIMARY), Workbooks.H1_2023).format(FileFormat.XLS).bytes();
		Path original = Workbooks.write(folder, "一小.xlsx", xls, Instant.now());
		List<Finding> findings = List.of(Finding.error("S02", CellRef.of("学生", 1, 3), "女生多于在校生", "girls > students"));
		Path written = new FeedbackWorkbooks(folder.resolve("out")).write(original, null, findings,
				folder.resolve("out/一小_回执.xlsx"), Workbooks.FORM).orElseThrow();
		assertThat(written.getFileName()).hasToString("一小_回执.xls");
		try (InputStream in = Files.newInputStream(written); Workbook wb = WorkbookFactory.create(in)) {
			assertThat(wb.getSpreadsheetVersion().name()).isEqualTo("EXCEL97");
		}
	}

	private static List<String> text(Row row) {
		return StreamSupport.stream(row.spliterator(), false).map(Object::toString).toList();
	}
}
