package org.edustat.validate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Workbook;
import org.assertj.core.groups.Tuple;
import org.edustat.core.Figure;
import org.edustat.core.FileFormat;
import org.edustat.core.Finding;
import org.edustat.core.Period;
import org.edustat.core.RegistryEntry;
import org.edustat.core.SchoolProfile;
import org.edustat.core.SchoolType;
import org.edustat.core.Severity;
import org.edustat.core.Submission;
import org.edustat.demo.DemoSchool;
import org.edustat.demo.Figures;
import org.edustat.demo.Grade;
import org.edustat.demo.SubmissionWorkbook;
import org.edustat.testing.Workbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One test per rule code of jobs/rules on a small real workbook: the finding's cell,
 * severity and message; and a passing twin, the same school without the fault, with no
 * finding of that code.
 */
class RuleTests {

	static final RuleBook RULES = RuleBook.load(Path.of("jobs/rules"), Workbooks.FORM);

	static final Period H1 = Workbooks.H1_2023;

	static final DemoSchool NINE = Workbooks.school(SchoolType.NINE_YEAR);

	static final DemoSchool PRIMARY = Workbooks.school(SchoolType.PRIMARY);

	@TempDir
	Path folder;

	/**
	 * A fault planted in a school's figures or workbook, and the finding it must give.
	 */
	record Scenario(String code, DemoSchool school, Consumer<Figures> fault, Consumer<Workbook> tamper, History history,
			Registry registry, Severity severity, String cell, Function<Figures, String> message) {

		@Override
		public String toString() {
			return code + " " + cell;
		}
	}

	static Scenario scenario(String code, DemoSchool school, Consumer<Figures> fault, Severity severity, String cell,
			Function<Figures, String> message) {
		return new Scenario(code, school, fault, wb -> {
		}, History.NONE, Registry.NONE, severity, cell, message);
	}

	static long students(Figures f, Grade g) {
		return f.students.get(g)[1];
	}

	static Stream<Scenario> scenarios() {
		Severity e = Severity.ERROR;
		Severity w = Severity.WARNING;
		return Stream.of(new Scenario("S01", NINE, f -> {
		}, wb -> bump(wb, "学生", 10, 1), History.NONE, Registry.NONE, e, "学生!B11",
				f -> "学生表「合计」行「班数」为" + (f.studentTotal()[0] + 1) + ",各年级之和为" + f.studentTotal()[0] + ",两者应相等"),
				scenario("S02", NINE, f -> f.students.get(Grade.G1)[2] = students(f, Grade.G1) + 1, e, "学生!D2",
						f -> "「一年级」行其中女生" + f.students.get(Grade.G1)[2] + "人,多于在校生" + students(f, Grade.G1) + "人"),
				scenario("S03", NINE, f -> f.students.get(Grade.G1)[0] = 0, e, "学生!B2",
						f -> "「一年级」行有在校生" + students(f, Grade.G1) + "人,班数却为0"),
				scenario("S04", NINE, f -> f.students.get(Grade.G1)[1] = f.students.get(Grade.G1)[0] * 58, w, "学生!C2",
						f -> "「一年级」平均班额58人,超过55人(大班额)"),
				scenario("S04", NINE, f -> f.students.get(Grade.G1)[1] = f.students.get(Grade.G1)[0] * 70, w, "学生!C2",
						f -> "「一年级」平均班额70人,超过66人(超大班额)"),
				scenario("S05", PRIMARY, f -> f.students.put(Grade.G10, new long[] { 1, 40, 20, 0, 0, 0, 0 }), e,
						"学生!C8", f -> "小学不应有「高一」在校生(40人)"),
				new Scenario("T01", NINE, f -> {
				}, wb -> bump(wb, "教职工", 5, 1), History.NONE, Registry.NONE, e, "教职工!B6",
						f -> "教职工表「合计」行「人数」为" + (f.staffTotal()[0] + 1) + ",各类人员之和为" + f.staffTotal()[0] + ",两者应相等"),
				scenario("T02", NINE, f -> f.staff.get("专任教师")[1] = f.staff.get("专任教师")[0] + 2, e, "教职工!C2",
						f -> "「专任教师」其中女" + f.staff.get("专任教师")[1] + "人,多于人数" + f.staff.get("专任教师")[0] + "人"),
				scenario("C01", NINE, f -> f.conditions.put("塑胶运动场面积", f.conditions.get("运动场地面积") + 1), e, "办学条件!B5",
						f -> "其中塑胶运动场面积" + Math.round(f.conditions.get("塑胶运动场面积")) + "平方米,大于运动场地面积"
								+ Math.round(f.conditions.get("运动场地面积")) + "平方米"),
				scenario("C02", NINE, f -> f.conditions.put("图书", -5.0), e, "办学条件!B6", f -> "「办学条件」表「图书」的「值」为负数(-5)"),
				new Scenario("H01", NINE, f -> {
				}, wb -> bump(wb, "学生健康", 10, 2), History.NONE, Registry.NONE, e, "学生健康!C11",
						f -> "学生健康表「合计」行「合格人数」为" + (f.healthTotal()[1] + 1) + ",各年级之和为" + f.healthTotal()[1]
								+ ",两者应相等"),
				scenario("H02", NINE, f -> f.health.get(Grade.G1)[2] = f.health.get(Grade.G1)[1] + 1, e, "学生健康!D2",
						f -> "「一年级」优良人数" + f.health.get(Grade.G1)[2] + "多于合格人数" + f.health.get(Grade.G1)[1]),
				scenario("X01", NINE, f -> {
					long[] h = f.health.get(Grade.G1);
					h[0] = students(f, Grade.G1) + 3;
				}, e, "学生健康!B2",
						f -> "「一年级」体质测试人数" + f.health.get(Grade.G1)[0] + "多于学生表在校生" + students(f, Grade.G1) + "人"),
				scenario("X02", NINE, f -> f.staff.values().forEach(row -> {
					for (int c = 0; c < row.length; c++) {
						row[c] = row[c] / 4;
					}
				}), w, "教职工!B2", f -> "生师比" + ratio(f) + ":1,不在九年一贯制学校的合理范围(5–28:1)"),
				scenario("X03", NINE, f -> Arrays.fill(f.staff.get("专任教师"), 0), w, "教职工!B2",
						f -> "有在校生" + f.studentTotal()[1] + "人,专任教师却为0"),
				new Scenario("X04", NINE, f -> {
				}, wb -> {
				}, History.NONE,
						school -> Optional.of(new RegistryEntry(
								new SchoolProfile(school, "原名学校", NINE.profile().district(), NINE.profile().type(),
										NINE.profile().sponsor(), NINE.profile().urbanRural()),
								"正常")),
						w, "基本情况", f -> "学校名称「" + NINE.profile().name() + "」与学校名录「原名学校」不一致"),
				new Scenario("Y01", NINE, f -> {
				}, wb -> {
				}, (school, period, sheet, row, column) -> period.equals(H1.sameLastYear()) && column.equals("在校生数")
						? Optional.of(BigDecimal.valueOf(1000)) : Optional.empty(), Registry.NONE, w, "学生!C11",
						f -> "在校生数" + f.studentTotal()[1] + "与上年同期1000相比变化"
								+ BigDecimal.valueOf((f.studentTotal()[1] - 1000) * 100)
									.divide(BigDecimal.valueOf(1000))
									.setScale(1, RoundingMode.HALF_UP)
								+ "%,超过±30%"),
				new Scenario("Y02", NINE, f -> {
				}, wb -> {
				}, (school, period, sheet, row, column) -> period.equals(H1.wholeYearOf()) && column.equals("本期招生")
						? Optional.of(BigDecimal.ONE) : Optional.empty(), Registry.NONE, w, "学生!G11",
						f -> "上半年招生数" + f.studentTotal()[5] + "大于已入库的全年数1"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void findsTheFaultAtItsCellWithItsMessage(Scenario s) {
		Figures figures = Workbooks.figures(s.school(), H1);
		s.fault().accept(figures);
		List<Finding> findings = check(SubmissionWorkbook.of(s.school(), H1, figures).tamper(s.tamper()), s);
		assertThat(findings).filteredOn(f -> f.code().equals(s.code()))
			.extracting(f -> f.cell().toString(), Finding::severity, Finding::message)
			.containsExactly(Tuple.tuple(s.cell(), s.severity(), s.message().apply(figures)));
	}

	@Test
	void checksEveryGradeOfTheHealthSheetEvenWhereTheStudentSheetHasNoRowForIt() {
		Figures figures = Workbooks.figures(NINE, H1);
		figures.students.remove(Grade.G1);
		long[] health = figures.health.get(Grade.G1);
		List<Finding> findings = check(SubmissionWorkbook.of(NINE, H1, figures), scenario("X01", NINE, f -> {
		}, Severity.ERROR, "", f -> ""));
		assertThat(findings).filteredOn(f -> f.code().equals("X01") && f.cell().row() == 2)
			.extracting(f -> f.cell().toString(), Finding::message)
			.containsExactly(Tuple.tuple("学生健康!B2", "「一年级」体质测试人数" + health[0] + "多于学生表在校生0人"),
					Tuple.tuple("学生健康!E2", "「一年级」视力筛查人数" + health[3] + "多于学生表在校生0人"));
	}

	@Test
	void reportsEveryFailingCheckOfARowEachAtItsOwnCell() {
		Figures figures = Workbooks.figures(NINE, H1);
		long[] staff = figures.staff.get("专任教师");
		staff[1] = staff[0] + 1;
		staff[2] = staff[0];
		staff[3] = 1;
		staff[6] = staff[0] + 2;
		List<Finding> findings = check(SubmissionWorkbook.of(NINE, H1, figures), scenario("T02", NINE, f -> {
		}, Severity.ERROR, "", f -> ""));
		assertThat(findings).filteredOn(f -> f.code().equals("T02") && f.cell().row() == 2)
			.extracting(f -> f.cell().toString())
			.containsExactly("教职工!C2", "教职工!D2", "教职工!H2");
	}

	@Test
	void findsEveryNegativeFigureEachWithItsOwnSheetRowColumnAndValue() {
		Figures figures = Workbooks.figures(NINE, H1);
		figures.staff.get("专任教师")[6] = -2;
		figures.conditions.put("图书", -5.0);
		List<Finding> findings = check(SubmissionWorkbook.of(NINE, H1, figures), scenario("C02", NINE, f -> {
		}, Severity.ERROR, "", f -> ""));
		assertThat(findings).filteredOn(f -> f.code().equals("C02"))
			.extracting(f -> f.cell().toString(), Finding::message)
			.containsExactlyInAnyOrder(Tuple.tuple("教职工!H2", "「教职工」表「专任教师」的「本期新招聘」为负数(-2)"),
					Tuple.tuple("教职工!H6", "「教职工」表「合计」的「本期新招聘」为负数(-2)"),
					Tuple.tuple("办学条件!B6", "「办学条件」表「图书」的「值」为负数(-5)"));
	}

	@Test
	void looksTheSchoolUpInTheRegistryOnceForAllItsSchoolRules() {
		Submission submission = Workbooks.normalise(folder, Workbooks.submission(PRIMARY, H1).bytes(), FileFormat.XLSX);
		AtomicInteger lookups = new AtomicInteger();
		Registry registry = school -> {
			lookups.incrementAndGet();
			return Optional.of(new RegistryEntry(PRIMARY.profile(), "正常"));
		};
		assertThat(RULES.rules()).filteredOn(rule -> rule.scope() == Scope.SCHOOL).hasSizeGreaterThan(1);

		List<Finding> findings = new RuleEngine(RULES, History.NONE, registry).check(submission);

		assertThat(lookups).hasValue(1);
		assertThat(findings).noneMatch(f -> f.severity() == Severity.ERROR);
	}

	/**
	 * The passing twin of each scenario: the same school without the fault, and — for the
	 * rules that read earlier periods or the registry — earlier figures equal to its own
	 * and a registry entry that matches it, so that the rule runs on data (the test
	 * asserts it was consulted) and finds nothing.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void findsNothingOnTheSameSchoolWithoutTheFault(Scenario s) {
		Submission submission = Workbooks.normalise(folder, Workbooks.submission(s.school(), H1).bytes(),
				FileFormat.XLSX);
		AtomicInteger consulted = new AtomicInteger();
		History history = s.history() == History.NONE ? History.NONE : (school, period, sheet, row, column) -> {
			consulted.incrementAndGet();
			return submission.sheet(sheet).flatMap(found -> found.figure(row, column)).map(Figure::value);
		};
		Registry registry = s.registry() == Registry.NONE ? Registry.NONE : school -> {
			consulted.incrementAndGet();
			return Optional.of(new RegistryEntry(s.school().profile(), "正常"));
		};
		List<Finding> findings = new RuleEngine(RULES, history, registry).check(submission);
		assertThat(findings).filteredOn(f -> f.code().equals(s.code())).isEmpty();
		if (history != History.NONE || registry != Registry.NONE) {
			assertThat(consulted).as("the rule ran on earlier figures or the registry").hasPositiveValue();
		}
	}

	private List<Finding> check(SubmissionWorkbook workbook, Scenario s) {
		Submission submission = Workbooks.normalise(folder, workbook.bytes(), FileFormat.XLSX);
		return new RuleEngine(RULES, s.history(), s.registry()).check(submission);
	}

	private static String ratio(Figures f) {
		return BigDecimal.valueOf(f.studentTotal()[1])
			.divide(BigDecimal.valueOf(f.staff.get("专任教师")[0]), MathContext.DECIMAL128)
			.setScale(1, RoundingMode.HALF_UP)
			.toPlainString();
	}

	private static void bump(Workbook wb, String sheet, int row, int column) {
		var cell = wb.getSheet(sheet).getRow(row).getCell(column);
		cell.setCellValue(cell.getNumericCellValue() + 1);
	}

}
