package org.edustat.form;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * jobs/form.yaml as the pipeline reads it, and the forms it refuses, each naming the
 * entry and what is wrong.
 */
class FormTests {

	static final Form FORM = Form.load(Path.of("jobs", "form.yaml"));

	@TempDir
	Path folder;

	@Test
	void readsTheSheetsOfTheContractWithTheirLayoutsAndOrder() {
		assertThat(FORM.sheets()).extracting(SheetForm::name, SheetForm::layout, SheetForm::required)
			.containsExactly(Tuple.tuple("基本情况", SheetForm.Layout.ITEMS, true),
					Tuple.tuple("学生", SheetForm.Layout.GRID, true), Tuple.tuple("教职工", SheetForm.Layout.GRID, true),
					Tuple.tuple("办学条件", SheetForm.Layout.ITEMS, true),
					Tuple.tuple("学生健康", SheetForm.Layout.GRID, false));
		SheetForm students = FORM.sheet("学生");
		assertThat(students.columns()).extracting(Field::name)
			.containsExactly("班数", "在校生数", "其中:女", "其中:随迁子女", "其中:残疾学生", "本期招生", "本期毕业生");
		assertThat(students.rows()).hasSize(19);
		assertThat(FORM.sheet("学生健康").rows()).isEqualTo(students.rows());
		assertThat(FORM.stageOf("学生", "初二")).isEmpty();
		assertThat(FORM.stageOf("学生", "八年级")).contains("初中");
		assertThat(FORM.stageOf("学生健康", "中职三年级")).contains("中职");
		assertThat(FORM.basic().items()).filteredOn(Field::personal)
			.extracting(Field::name)
			.containsExactly("填报人", "联系电话");
		Field assets = FORM.sheet("办学条件").item("固定资产总值(元)").orElseThrow();
		assertThat(assets.type()).isEqualTo(FieldType.MONEY);
		assertThat(assets.convert().get("元")).isEqualByComparingTo("0.0001");
		assertThat(FORM.figures().get("teachers")).isEqualTo(new FormFigure("teachers", "专任教师数", "教职工", "专任教师", "人数"));
		assertThat(FORM.figures().get("spending"))
			.isEqualTo(new FormFigure("spending", "教育经费支出", "办学条件", "本期教育经费支出", "值"));
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			在校生数(人)                 | 在校生数
			在校学生数（人）               | 在校生数
			' 在 校\n生 数 '              | 在校生数
			其中：女                     | 其中:女
			其中女                       | 其中:女
			女生                         | 其中:女
			其中:随迁子女（人）             | 其中:随迁子女
			ＡＢ在校生数                   |
			""")
	void matchesAHeaderAfterCleaningItsSpacesWidthsUnitAndQiZhong(String header, String canonical) {
		assertThat(FORM.sheet("学生").column(header.replace("\\n", "\n")).map(Field::name).orElse(null))
			.isEqualTo(canonical);
	}

	@Test
	void matchesSheetNamesWithTheirSuffixes() {
		assertThat(FORM.sheetFor(" 学生情况 ").map(SheetForm::name)).contains("学生");
		assertThat(FORM.sheetFor("教职工统计表").map(SheetForm::name)).contains("教职工");
		assertThat(FORM.sheetFor("学生健康情况").map(SheetForm::name)).contains("学生健康");
		assertThat(FORM.sheetFor("填报说明")).isEmpty();
		assertThat(FORM.referenceFor("学校名录").map(SheetForm::name)).contains("学校名录");
	}

	@Test
	void findsTheClosestKnownNameOfAnUnrecognisedHeader() {
		SheetForm staff = FORM.sheet("教职工");
		assertThat(Closest.field(staff.columns(), "女职工").map(Field::name)).contains("其中:女");
		assertThat(Closest.field(staff.columns(), "研究生学位").map(Field::name)).contains("研究生学历");
		assertThat(Closest.field(staff.columns(), "备注")).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					an unknown key                | 'aliases: [班级数, 班]'                  | 'aliases: [班级数, 班], colour: red'        | 'Unrecognized property \"colour\"'
					an alias used twice           | 'aliases: [在校学生数, 在校生, 学生数]'      | 'aliases: [在校学生数, 在校生, 班级数]'         | 表式文件 form.yaml 中的工作表「学生」列「在校生数」:名称或别名「班级数」与列「班数」相同(规整后) (form file form.yaml: alias 班级数 also names 班数)
					an unknown stage              | '{ name: 小班, stage: 学前 }'            | '{ name: 小班, stage: 托班 }'              | 表式文件 form.yaml 中的工作表「学生」行「小班」:stage「托班」不是学段(学前、小学、初中、高中、中职、特教) (form file form.yaml: bad stage)
					a figure on no cell           | 'cell: 教职工.专任教师.人数'              | 'cell: 教职工.专任老师.人数'                 | 表式文件 form.yaml 中的figures 中的「teachers」:工作表「教职工」没有行「专任老师」 (form file form.yaml: unknown cell 教职工.专任老师.人数)
					a bad variable name           | 'var: classes'                         | 'var: 班数'                               | 表式文件 form.yaml 中的工作表「学生」列「班数」:var「班数」只能用英文字母、数字和下划线 (form file form.yaml: bad var)
					a max beyond the store        | 'unit: 个, var: classes'                | 'unit: 个, var: classes, max: 1e13'       | 表式文件 form.yaml 中的工作表「学生」列「班数」:max 应在 0 到 1000000000000 之间 (form file form.yaml: max must be between 0 and 1000000000000)
					a required identity item lost | '学校标识码, aliases: [学校标识代码, 学校代码, 标识码], type: text, required: true' | '学校标识码, aliases: [学校标识代码, 学校代码, 标识码], type: text' | 表式文件 form.yaml 中的工作表「基本情况」:缺少必填项目「学校标识码」 (form file form.yaml: required item 学校标识码 missing)
					""")
	void refusesABrokenFormNamingTheEntryAndTheProblem(String scenario, String from, String to, String message)
			throws IOException {
		String text = Files.readString(Path.of("jobs", "form.yaml"));
		assertThat(text).as("the edit applies").contains(from);
		Path file = folder.resolve("form.yaml");
		Files.writeString(file, text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)));
		assertThatThrownBy(() -> Form.load(file)).isInstanceOf(FormException.class).message().contains(message);
	}

	@Test
	void refusesAFormWithMoreFiguresASubmissionThanTheDatabaseViewReaches() throws IOException {
		String text = Files.readString(Path.of("jobs", "form.yaml"));
		String columns = "    columns:\n      - { name: 班数, aliases: [班级数, 班], unit: 个, var: classes, required: true }\n";
		assertThat(text).as("the edit applies").contains(columns);
		StringBuilder many = new StringBuilder(columns);
		for (int i = 1; i <= 220; i++) {
			many.append("      - { name: 附加列").append(i).append(", unit: 人 }\n");
		}
		Path file = folder.resolve("form.yaml");
		Files.writeString(file, text.replace(columns, many.toString()));
		assertThatThrownBy(() -> Form.load(file)).isInstanceOf(FormException.class)
			.message()
			.contains("一份报表最多 4096 个数字,本表式可有 ");
		assertThat(FORM.sheets().stream().mapToInt(SheetForm::figureCapacity).sum())
			.isLessThanOrEqualTo(Form.MAX_FIGURES);
	}

}
