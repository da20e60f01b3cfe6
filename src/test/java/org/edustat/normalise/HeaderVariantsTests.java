package org.edustat.normalise;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.edustat.core.FileFormat;
import org.edustat.core.Finding;
import org.edustat.core.Rejection;
import org.edustat.core.SheetData;
import org.edustat.core.Submission;
import org.edustat.testing.HandWorkbook;
import org.edustat.testing.HeaderSpellings;
import org.edustat.testing.Workbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Every header-variant family of the contract, applied to every column and item of every
 * sheet where it appears, in workbooks written cell by cell (not by the demo generator),
 * in .xlsx and .xls: every figure is read.
 */
class HeaderVariantsTests {

	@TempDir
	Path folder;

	static Stream<Arguments> families() {
		return Arrays.stream(HeaderSpellings.values())
			.flatMap(f -> Stream.of(Arguments.of(f, FileFormat.XLSX), Arguments.of(f, FileFormat.XLS)));
	}

	@ParameterizedTest(name = "{0} as {1}")
	@MethodSource("families")
	void readsEveryFigureWhateverTheSpelling(HeaderSpellings family, FileFormat format) {
		byte[] bytes = new HandWorkbook("3901029001", "测试小学", "2023H1").spelling(family.spelling).bytes(format);
		Submission submission = Workbooks.normalise(folder, bytes, format);
		assertThat(submission.school().id().value()).isEqualTo("3901029001");
		assertThat(submission.period().code()).isEqualTo("2023H1");
		assertThat(submission.contact().phone()).isEqualTo("13800000000");
		assertEveryFigure(submission);
	}

	@Test
	void readsSheetsInAnotherOrderWithAnExtraColumnAndSheetAndNotesThem() {
		byte[] bytes = new HandWorkbook("3901029002", "测试小学", "2023Y").sheetOrder("学生健康", "办学条件", "教职工", "学生", "基本情况")
			.extraColumn("学生", "备注")
			.extraSheet("填报说明")
			.bytes(FileFormat.XLSX);
		Submission submission = Workbooks.normalise(folder, bytes, FileFormat.XLSX);
		assertEveryFigure(submission);
		assertThat(submission.notes()).containsExactly("已忽略多余的工作表「填报说明」", "工作表「学生」中未识别的列「备注」(学生!I1)已忽略");
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(FileFormat.class)
	void aHiddenOrVeryHiddenLookAlikeNeverStandsInForTheVisibleSheet(FileFormat format) {
		for (int visibility : new int[] { 0, 1 }) {
			for (String name : List.of("学生 ", "学生表")) {
				byte[] bytes = new HandWorkbook("3901029003", "测试小学", "2023H1").lookAlike(name, visibility)
					.bytes(format);
				Submission submission = Workbooks.normalise(folder, bytes, format);
				assertThat(submission.sheets().get("学生").value("合计", "在校生数")).as(name + " " + visibility)
					.isEqualByComparingTo("158");
				assertThat(submission.notes()).contains("已忽略隐藏的工作表「" + name + "」");
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(FileFormat.class)
	void twoVisibleSheetsForOneSheetOfTheFormAreRefusedNamingBoth(FileFormat format) {
		byte[] bytes = new HandWorkbook("3901029004", "测试小学", "2023H1").lookAlike("学生表", 2).bytes(format);
		assertThatThrownBy(() -> Workbooks.normalise(folder, bytes, format)).isInstanceOf(Rejection.class)
			.satisfies(ex -> assertThat(((Rejection) ex).findings()).extracting(Finding::code, Finding::message)
				.contains(tuple("N08", "工作表「学生表」和「学生」都对应表「学生」,无法确定以哪一个为准,请只保留一个")));
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(FileFormat.class)
	void aHalfStudentIsRefusedAtItsCellWhileAreasKeepTheirDecimals(FileFormat format) {
		byte[] bytes = new HandWorkbook("3901029005", "测试小学", "2023H1").halfStudent().bytes(format);
		assertThatThrownBy(() -> Workbooks.normalise(folder, bytes, format)).isInstanceOf(Rejection.class)
			.satisfies(ex -> assertThat(((Rejection) ex).findings())
				.extracting(f -> f.cell().toString(), Finding::message)
				.anyMatch(
						t -> t.toList().get(0).equals("学生!C2") && ((String) t.toList().get(1)).contains("「80.5」不是整数")));
	}

	static void assertEveryFigure(Submission submission) {
		Map<String, Map<String, Map<String, BigDecimal>>> expected = HandWorkbook.expected();
		expected.forEach((sheet, rows) -> {
			SheetData data = submission.sheet(sheet).orElseThrow(() -> new AssertionError("no sheet " + sheet));
			assertThat(data.rows().keySet()).as(sheet).containsExactlyInAnyOrderElementsOf(rows.keySet());
			rows.forEach((row, columns) -> {
				assertThat(data.rows().get(row).keySet()).as(sheet + " " + row)
					.containsExactlyInAnyOrderElementsOf(columns.keySet());
				columns.forEach((column, value) -> assertThat(data.figure(row, column).orElseThrow().value())
					.as(sheet + " " + row + " " + column)
					.isEqualByComparingTo(value));
			});
		});
	}

}
