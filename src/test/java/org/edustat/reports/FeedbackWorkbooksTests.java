package org.edustat.reports;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
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
import org.edustat.testing.HandWorkbook;
import org.edustat.testing.PersonalBytes;
import org.edustat.testing.Workbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 回执 written from a school's own workbook: every finding marked at its cell and
 * listed; no personal data left.
 */
class FeedbackWorkbooksTests {

	@TempDir
	Path folder;

	@Test
	void marksEachFindingAtItsCellListsThemAllAndBlanksThePersonalItems() throws Exception {
		byte[] bytes = Workbooks.submission(Workbooks.school(SchoolType.NINE_YEAR), Workbooks.H1_2023).bytes();
		Path original = Workbooks.write(folder, "九年.xlsx", bytes, Instant.now());
		Submission submission = Workbooks.normalise(folder, bytes, FileFormat.XLSX);
		List<Finding> findings = List
			.of(Finding.error("S02", CellRef.of("学生", 1, 3), "「一年级」行其中女生30人,多于在校生20人", "girls > students"), new Finding(
					"S04", Severity.WARNING, CellRef.of("学生", 2, 2), "「二年级」平均班额58人,超过55人(大班额)", "large classes", ""));
		Path target = folder.resolve("out/九年_回执.xlsx");

		assertThat(new FeedbackWorkbooks(folder.resolve("out")).write(original, submission, findings, target,
				Workbooks.FORM))
			.contains(target);

		try (InputStream in = Files.newInputStream(target); Workbook wb = WorkbookFactory.create(in)) {
			assertThat(wb.getSheet("学生").getRow(1).getCell(3).getCellComment().getString().getString()).contains("S02")
				.contains("「一年级」行其中女生30人,多于在校生20人");
			assertThat(wb.getSheet("学生").getRow(2).getCell(2).getCellComment().getString().getString()).contains("S04");
			Sheet results = wb.getSheet(Explanations.SHEET);
			assertThat(text(results.getRow(0))).containsExactly("教育统计报表回执");
			assertThat(text(results.getRow(1)).get(0)).startsWith("学校：" + submission.school().name() + "（学校标识码"
					+ submission.school().id().value() + "）　统计期：2023年上半年（2023H1）");
			assertThat(text(results.getRow(2)).get(0)).startsWith("文件：九年.xlsx　收到时间：20");
			assertThat(text(results.getRow(3))).containsExactly("审核结论：退回。请按下表更正全部错误后重新报送；原文件不入库。");
			assertThat(text(results.getRow(4))).containsExactly("共2条：错误1条，警告1条");
			assertThat(text(results.getRow(5))).startsWith("序号", Explanations.CODE, "级别", Explanations.CELL, "问题描述");
			assertThat(text(results.getRow(6))).contains("S02", "错误", "学生!D2", "「一年级」行其中女生30人,多于在校生20人");
			assertThat(text(results.getRow(7))).contains("S04", "警告", "学生!C3");
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

	@ParameterizedTest(name = "{0}")
	@EnumSource(FileFormat.class)
	void noByteOfTheFeedbackWorkbookHoldsTheReporterOrThePhoneSharedStringsIncluded(FileFormat format)
			throws Exception {
		byte[] bytes = new HandWorkbook("3901029201", "测试小学", "2023H1").bytes(format);
		Path original = Workbooks.write(folder, "测试." + format.name().toLowerCase(Locale.ROOT), bytes, Instant.now());
		List<String> personal = List.of("李老师", "13800000000");
		assertThat(PersonalBytes.find(original, personal)).as("the school's own file holds them").isNotEmpty();
		for (Submission submission : new Submission[] { Workbooks.normalise(folder, bytes, format), null }) {
			List<Finding> findings = List
				.of(Finding.error("S02", CellRef.of("学生", 1, 3), "女生多于在校生", "girls > students"));
			Path written = new FeedbackWorkbooks(folder.resolve("out"))
				.write(original, submission, findings,
						folder.resolve("out/测试_回执." + format.name().toLowerCase(Locale.ROOT)), Workbooks.FORM)
				.orElseThrow();
			assertThat(PersonalBytes.find(written, personal)).as("%s, submission read: %s", written, submission != null)
				.isEmpty();
		}
	}

	@Test
	void aCleanSubmissionGetsAReceiptAndAResubmissionNeverOverwritesTheFirst() throws Exception {
		FeedbackWorkbooks feedback = new FeedbackWorkbooks(folder.resolve("out"));
		byte[] first = new HandWorkbook("3901029301", "测试小学", "2023H1").bytes(FileFormat.XLSX);
		byte[] second = new HandWorkbook("3901029301", "测试小学", "2023H1").scale(2).bytes(FileFormat.XLSX);
		Path target = folder.resolve("out/测试小学_2023H1_回执.xlsx");
		Path a = Workbooks.write(folder, "a.xlsx", first, Instant.now());
		Path b = Workbooks.write(folder, "b.xlsx", second, Instant.now());
		Submission submission = Workbooks.normalise(folder, first, FileFormat.XLSX);
		assertThat(feedback.write(a, submission, List.of(), target, Workbooks.FORM)).contains(target);
		assertThat(feedback.write(a, submission, List.of(), target, Workbooks.FORM))
			.as("the same file again: the same receipt")
			.contains(target);
		Path again = folder.resolve("out/测试小学_2023H1_回执(2).xlsx");
		assertThat(feedback.write(b, submission, List.of(), target, Workbooks.FORM)).contains(again);
		try (InputStream in = Files.newInputStream(target); Workbook wb = WorkbookFactory.create(in)) {
			assertThat(wb.getNumberOfSheets()).isEqualTo(1);
			Sheet receipt = wb.getSheet(Explanations.SHEET);
			assertThat(text(receipt.getRow(2)).get(0)).startsWith("文件：a.xlsx");
			assertThat(text(receipt.getRow(3))).containsExactly("审核结论：受理。数据已入库，无需再做什么。");
			assertThat(text(receipt.getRow(4))).containsExactly("共0条：错误0条，警告0条");
		}
		try (InputStream in = Files.newInputStream(again); Workbook wb = WorkbookFactory.create(in)) {
			assertThat(text(wb.getSheet(Explanations.SHEET).getRow(2)).get(0)).startsWith("文件：b.xlsx");
		}
	}

	@Test
	void aWorkbookOfTheBinaryFormatGetsAnXlsNamedFeedbackWorkbookWhateverItsNameSaid() throws Exception {
		byte[] xls = Workbooks.submission(Workbooks.school(SchoolType.PRIMARY), Workbooks.H1_2023)
			.format(FileFormat.XLS)
			.bytes();
		Path original = Workbooks.write(folder, "一小.xlsx", xls, Instant.now());
		List<Finding> findings = List.of(Finding.error("S02", CellRef.of("学生", 1, 3), "女生多于在校生", "girls > students"));
		Path written = new FeedbackWorkbooks(folder.resolve("out"))
			.write(original, null, findings, folder.resolve("out/一小_回执.xlsx"), Workbooks.FORM)
			.orElseThrow();
		assertThat(written.getFileName()).hasToString("一小_回执.xls");
		try (InputStream in = Files.newInputStream(written); Workbook wb = WorkbookFactory.create(in)) {
			assertThat(wb.getSpreadsheetVersion().name()).isEqualTo("EXCEL97");
		}
	}

	private static List<String> text(Row row) {
		return StreamSupport.stream(row.spliterator(), false).map(Object::toString).toList();
	}

}
