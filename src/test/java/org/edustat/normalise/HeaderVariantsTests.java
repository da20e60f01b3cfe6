package org.edustat.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.edustat.core.FileFormat;
import org.edustat.core.SheetData;
import org.edustat.core.Submission;
import org.edustat.testing.HandWorkbook;
import org.edustat.testing.Workbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every header-variant family of the contract, applied to every column and item of every sheet where it appears, in
 * workbooks written cell by cell (not by the demo generator), in .xlsx and .xls: every figure is read.
 */
class HeaderVariantsTests {

	/** A family of spellings: (sheet, canonical name) → what a school types. */
	enum Family {

		SURROUNDING_AND_INNER_SPACES((sheet, name) -> " " + Arrays.stream(name.split("")).collect(Collectors.joining(" ")) + "  "),
		LINE_BREAK_INSIDE((sheet, name) -> name.length() < 2 ? name : name.substring(0, 2) + "\n" + name.substring(2)),
		UNIT_IN_FULL_WIDTH_BRACKETS((sheet, name) -> unit(sheet, name, "（", "）")),
		UNIT_IN_BRACKETS((sheet, name) -> unit(sheet, name, "(", ")")),
		QI_ZHONG_WITH_FULL_WIDTH_COLON((sheet, name) -> name.replace("其中:", "其中：")),
		QI_ZHONG_WITHOUT_COLON((sheet, name) -> name.replace("其中:", "其中")),
		WITHOUT_QI_ZHONG((sheet, name) -> name.replace("其中:", "")),
		CONTRACT_ALIASES((sheet, name) -> switch (name) {
			case "在校生数" -> "在校学生数";
			case "其中:女" -> "女生";
			default -> name;
		}),
		FULL_WIDTH_FORMS((sheet, name) -> name.replace(":", "：").replace("(", "（").replace(")", "）") + "　");

		final BiFunction<String, String, String> spelling;

		Family(BiFunction<String, String, String> spelling) {
			this.spelling = spelling;
		}

		private static String unit(String sheet, String name, String open, String close) {
			String unit = HandWorkbook.unitOf(sheet, name);
			return unit == null ? name : name + open + unit + close;
		}
	}

	@TempDir
	Path folder;

	static Stream<Arguments> families() {
		return Arrays.stream(Family.values())
			.flatMap(f -> Stream.of(Arguments.of(f, FileFormat.XLSX), Arguments.of(f, FileFormat.XLS)));
	}

	@ParameterizedTest(name = "{0} as {1}")
	@MethodSource("families")
	void readsEveryFigureWhateverTheSpelling(Family family, FileFormat format) {
		byte[] bytes = new HandWorkbook("3901029001", "测试小学", "2023H1").spelling(family.spelling).bytes(format);
		Submission submission = Workbooks.normalise(folder, bytes, format);
		assertThat(submission.school().id().value()).isEqualTo("3901029001");
		assertThat(submission.period().code()).isEqualTo("2023H1");
		assertThat(submission.contact().phone()).isEqualTo("13800000000");
		assertEveryFigure(submission);
	}

	@Test
	void readsSheetsInAnotherOrderWithAnExtraColumnAndSheetAndNotesThem() {
		byte[] bytes = new HandWorkbook("3901029002", "测试小学", "2023Y")
			.sheetOrder("学生健康", "办学条件", "教职工", "学生", "基本情况")
			.extraColumn("学生", "备注")
			.extraSheet("填报说明")
			.bytes(FileFormat.XLSX);
		Submission submission = Workbooks.normalise(folder, bytes, FileFormat.XLSX);
		assertEveryFigure(submission);
		assertThat(submission.notes()).containsExactly("已忽略多余的工作表「填报说明」", "工作表「学生」中未识别的列「备注」(学生!I1)已忽略");
	}

	static void assertEveryFigure(Submission submission) {
		Map<String, Map<String, Map<String, BigDecimal>>> expected = HandWorkbook.expected();
		expected.forEach((sheet, rows) -> {
			SheetData data = submission.sheet(sheet).orElseThrow(() -> new AssertionError("no sheet " + sheet));
			assertThat(data.rows().keySet()).as(sheet).containsExactlyInAnyOrderElementsOf(rows.keySet());
			rows.forEach((row, columns) -> {
				assertThat(data.rows().get(row).keySet()).as(sheet + " " + row).containsExactlyInAnyOrderElementsOf(columns.keySet());
				columns.forEach((column, value) -> assertThat(data.figure(row, column).orElseThrow().value())
					.as(sheet + " " + row + " " + column).isEqualByComparingTo(value));
			});
		});
	}
}
