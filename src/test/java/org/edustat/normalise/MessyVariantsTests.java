package org.edustat.normalise;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.edustat.core.Figure;
import org.edustat.core.FileFormat;
import org.edustat.core.Period;
import org.edustat.core.SchoolType;
import org.edustat.core.SheetData;
import org.edustat.core.Submission;
import org.edustat.demo.DemoSchool;
import org.edustat.demo.Figures;
import org.edustat.demo.Grade;
import org.edustat.demo.Mess;
import org.edustat.demo.SubmissionWorkbook;
import org.edustat.testing.Workbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One test per messy variant of the contract, in both formats: the normalised figures
 * equal what was written.
 */
class MessyVariantsTests {

	private static final DemoSchool SCHOOL = Workbooks.school(SchoolType.NINE_YEAR);

	private static final Period PERIOD = Workbooks.H1_2023;

	private static final Figures FIGURES = Workbooks.figures(SCHOOL, PERIOD);

	@TempDir
	Path folder;

	static Stream<Arguments> variants() {
		return Arrays.stream(Mess.values())
			.flatMap(mess -> Stream.of(Arguments.of(mess, FileFormat.XLSX), Arguments.of(mess, FileFormat.XLS)));
	}

	@ParameterizedTest(name = "{0} as {1}")
	@MethodSource("variants")
	void normalisesEveryFigureOfAMessyWorkbook(Mess mess, FileFormat format) {
		Submission submission = read(Workbooks.submission(SCHOOL, PERIOD).mess(mess).format(format));
		assertThat(submission.school()).isEqualTo(SCHOOL.profile());
		assertThat(submission.period()).isEqualTo(PERIOD);
		assertGrid(submission.sheets().get("学生"), labels(FIGURES.students), Figures.STUDENT_COLUMNS,
				FIGURES.studentTotal());
		assertGrid(submission.sheets().get("教职工"), FIGURES.staff, Figures.STAFF_COLUMNS, FIGURES.staffTotal());
		assertGrid(submission.sheets().get("学生健康"), labels(FIGURES.health), Figures.HEALTH_COLUMNS,
				FIGURES.healthTotal());
		SheetData conditions = submission.sheets().get("办学条件");
		FIGURES.conditions.forEach((item, value) -> assertThat(conditions.value(item, SheetData.VALUE)).as(item)
			.isEqualByComparingTo(BigDecimal.valueOf(value)));
	}

	@Test
	void readsSubColumnsOfATwoRowMergedHeaderUnderTheirParent() {
		Submission submission = read(Workbooks.submission(SCHOOL, PERIOD).mess(Mess.MERGED_HEADER));
		Figure female = submission.sheets().get("学生").figure("一年级", "其中:女").orElseThrow();
		assertThat(female.value()).isEqualByComparingTo(BigDecimal.valueOf(FIGURES.students.get(Grade.G1)[2]));
		assertThat(female.cell()).hasToString("学生!D3");
		Figure senior = submission.sheets().get("教职工").figure("专任教师", "正高级职称").orElseThrow();
		assertThat(senior.cell()).hasToString("教职工!F3");
	}

	@Test
	void findsTheHeaderBelowTitleRowsAndRefersToTheCellAsTheSchoolSeesIt() {
		Submission submission = read(Workbooks.submission(SCHOOL, PERIOD).mess(Mess.TITLE_ROWS));
		Figure students = submission.sheets().get("学生").figure("一年级", "在校生数").orElseThrow();
		assertThat(students.cell()).hasToString("学生!D5");
		assertThat(submission.sheets().get("办学条件").figure("图书", SheetData.VALUE).orElseThrow().cell())
			.hasToString("办学条件!C9");
	}

	@Test
	void convertsYuanToTenThousandYuanWhenTheHeaderSaysYuan() {
		Submission submission = read(Workbooks.submission(SCHOOL, PERIOD).mess(Mess.MONEY_IN_YUAN));
		assertThat(submission.sheets().get("办学条件").value("固定资产总值", SheetData.VALUE))
			.isEqualByComparingTo(BigDecimal.valueOf(FIGURES.conditions.get("固定资产总值")));
	}

	@Test
	void usesCachedFormulaResultsBooleanAndDateCells() {
		Submission submission = read(Workbooks.submission(SCHOOL, PERIOD).mess(Mess.FORMULAS));
		assertThat(submission.sheets().get("学生").value("合计", "在校生数"))
			.isEqualByComparingTo(BigDecimal.valueOf(FIGURES.studentTotal()[1]));
		assertThat(submission.sheets().get("办学条件").value("智慧校园", SheetData.VALUE))
			.isEqualByComparingTo(BigDecimal.valueOf(FIGURES.conditions.get("智慧校园")));
		assertThat(submission.period()).isEqualTo(PERIOD);
	}

	@Test
	void notesExtraSheetsAndReadsSheetNameVariants() {
		Submission submission = read(
				Workbooks.submission(SCHOOL, PERIOD).mess(Mess.EXTRA_SHEETS, Mess.SHEET_NAME_VARIANTS));
		assertThat(submission.notes()).containsExactly("已忽略多余的工作表「填报说明」", "已忽略多余的工作表「封面」");
		assertThat(submission.sheets().get("学生").sheetName()).isEqualTo("学生情况");
		assertThat(submission.sheets().get("学生").figure("合计", "班数").orElseThrow().cell()).hasToString("学生情况!B11");
	}

	@Test
	void readsTheTotalRowPlacedFirst() {
		Submission submission = read(Workbooks.submission(SCHOOL, PERIOD).mess(Mess.TOTAL_FIRST));
		Figure total = submission.sheets().get("学生").figure("合计", "在校生数").orElseThrow();
		assertThat(total.cell()).hasToString("学生!C2");
		assertThat(total.value()).isEqualByComparingTo(BigDecimal.valueOf(FIGURES.studentTotal()[1]));
	}

	@Test
	void readsAnEmptyCellOfAPresentRowAsZero() {
		Submission submission = read(Workbooks.submission(SCHOOL, PERIOD)
			.tamper(wb -> wb.getSheet("学生").getRow(1).removeCell(wb.getSheet("学生").getRow(1).getCell(5))));
		assertThat(submission.sheets().get("学生").figure("一年级", "其中:残疾学生").orElseThrow().value())
			.isEqualByComparingTo(BigDecimal.ZERO);
	}

	@Test
	void leavesOutGradesTheSchoolDoesNotTeach() {
		Submission submission = read(Workbooks.submission(SCHOOL, PERIOD));
		assertThat(submission.sheets().get("学生").rows()).doesNotContainKey("高一").containsKey("九年级");
	}

	private Submission read(SubmissionWorkbook workbook) {
		byte[] bytes = workbook.bytes();
		boolean xls = bytes[0] == (byte) 0xD0;
		return Workbooks.normalise(folder, bytes, xls ? FileFormat.XLS : FileFormat.XLSX);
	}

	private static Map<String, long[]> labels(Map<Grade, long[]> byGrade) {
		Map<String, long[]> rows = new LinkedHashMap<>();
		byGrade.forEach((grade, values) -> rows.put(grade.label(), values));
		return rows;
	}

	private static void assertGrid(SheetData sheet, Map<String, long[]> rows, List<String> columns, long[] total) {
		assertThat(sheet.rows().keySet())
			.containsExactlyInAnyOrderElementsOf(Stream.concat(rows.keySet().stream(), Stream.of("合计")).toList());
		rows.forEach((row, values) -> {
			for (int c = 0; c < columns.size(); c++) {
				assertThat(sheet.value(row, columns.get(c))).as(sheet.sheet() + " " + row + " " + columns.get(c))
					.isEqualByComparingTo(BigDecimal.valueOf(values[c]));
			}
		});
		for (int c = 0; c < columns.size(); c++) {
			assertThat(sheet.value("合计", columns.get(c))).as("合计 " + columns.get(c))
				.isEqualByComparingTo(BigDecimal.valueOf(total[c]));
		}
	}

}
