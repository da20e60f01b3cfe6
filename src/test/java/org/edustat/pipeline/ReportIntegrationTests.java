package org.edustat.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.assertj.core.data.Offset;
import org.edustat.cli.ImportCommand;
import org.edustat.core.District;
import org.edustat.core.Period;
import org.edustat.demo.DemoSchool;
import org.edustat.demo.Figures;
import org.edustat.demo.ReferenceWorkbooks;
import org.edustat.demo.Roster;
import org.edustat.demo.SubmissionWorkbook;
import org.edustat.testing.Cells;
import org.edustat.testing.Workbooks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * From a small inbox (two years, three 区县), the exact cells of the 2023H1 and 2023Y
 * comparative reports.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportIntegrationTests {

	static final Path ROOT = ImportJobIntegrationTestsSupport.tempRoot("edustat-reports");

	static final Path INBOX = ROOT.resolve("input");

	static final Path OUTPUT = ROOT.resolve("output");

	static final List<DemoSchool> SCHOOLS = Roster.schools(3, Workbooks.SEED);

	static final List<District> DISTRICTS = Roster.DISTRICTS.subList(0, 4);

	static final String CITY = Roster.CITY.value();

	static final Period H1 = Period.parse("2023H1");

	static final Period Y = Period.parse("2023Y");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:report-tests;DB_CLOSE_DELAY=-1");
		registry.add("edustat.intake.inbox", INBOX::toString);
		registry.add("edustat.intake.archive", () -> ROOT.resolve("archive").toString());
		registry.add("edustat.reports.output", OUTPUT::toString);
	}

	@Autowired
	ImportCommand importCommand;

	String firstRun;

	@BeforeAll
	void importTwoYears() throws Exception {
		FileSystemUtils.deleteRecursively(INBOX);
		Instant t = Instant.parse("2024-01-01T00:00:00Z");
		put("ref/区县.xlsx", ReferenceWorkbooks.districts(DISTRICTS), t);
		List<List<Object>> missing = List.of(List.of("3901029999", "清源区未报小学", "990102", "小学", "公办", "城区", "正常"));
		put("ref/学校名录.xlsx", ReferenceWorkbooks.registry(SCHOOLS, missing), t);
		put("ref/年度目标.xlsx",
				ReferenceWorkbooks.targets(
						List.of(List.of(2023, CITY, "students", 2000), List.of(2023, CITY, "fitness_pass_rate", 95),
								List.of(2023, CITY, "teachers_new", 10), List.of(2023, "990103", "teachers_new", 4))),
				t);
		int minute = 1;
		for (Period period : List.of(Period.parse("2022H1"), Period.parse("2022Y"), H1, Y)) {
			for (DemoSchool school : SCHOOLS) {
				put(period.code() + "/" + school.profile().id() + ".xlsx", Workbooks.submission(school, period).bytes(),
						t.plusSeconds(60L * minute++));
			}
		}
		put("late/bad.xlsx", Workbooks.submission(SCHOOLS.get(1), H1).tamper(wb -> {
			Cell cell = wb.getSheet("学生").getRow(7).getCell(1);
			cell.setCellValue(cell.getNumericCellValue() + 1);
		}).bytes(), t.plusSeconds(60L * minute++));
		firstRun = runImport();
	}

	@Test
	void halfYearReportCarriesACountARateAndALowerIsBetterIndicator() throws IOException {
		try (Workbook wb = open("2023H1 半年报.xlsx")) {
			Sheet detail = wb.getSheet("明细数据");
			assertThat(Cells.texts(detail.getRow(0))).containsExactly("区县代码", "区县名称", "指标代码", "指标名称", "分组类型", "分组",
					"单位", "本期", "上年同期", "增减", "增减率", "可比增减", "可比增减率", "覆盖", "年度目标", "进度", "位次");
			long students = sum(H1, f -> f.studentTotal()[1]);
			long lastStudents = sum(H1.sameLastYear(), f -> f.studentTotal()[1]);
			List<Object> city = cells(detail, CITY, "students", "");
			assertThat(city.subList(0, 10)).containsExactly(CITY, "云溪市", "students", "在校生数", "", "", "人",
					(double) students, (double) lastStudents, (double) (students - lastStudents));
			assertThat((Double) city.get(10)).isCloseTo((students - lastStudents) * 100.0 / lastStudents,
					Offset.offset(1e-9));
			assertThat(city.subList(11, 17)).containsExactly((double) (students - lastStudents), city.get(10), 1.0,
					2000.0, students >= 2000 ? "达标" : "未达标", null);

			BigDecimal pass = rate(H1, 1, 0);
			BigDecimal lastPass = rate(H1.sameLastYear(), 1, 0);
			List<Object> passRow = cells(detail, CITY, "fitness_pass_rate", "");
			assertThat(passRow.subList(0, 7)).containsExactly(CITY, "云溪市", "fitness_pass_rate", "体质健康合格率", "", "", "%");
			assertThat((Double) passRow.get(7)).isCloseTo(pass.doubleValue(), Offset.offset(1e-9));
			assertThat((Double) passRow.get(8)).isCloseTo(lastPass.doubleValue(), Offset.offset(1e-9));
			assertThat((Double) passRow.get(9)).isCloseTo(pass.subtract(lastPass).doubleValue(), Offset.offset(1e-9));
			assertThat(passRow.subList(10, 17)).containsExactly(null, passRow.get(9), null, 1.0, 95.0,
					pass.compareTo(BigDecimal.valueOf(95)) >= 0 ? "达标" : "未达标", null);
			assertThat(cells(detail, "990102", "fitness_pass_rate", "").get(7))
				.as("a kindergarten tests no one: no figure")
				.isNull();

			List<BigDecimal> myopia = SCHOOLS.stream().map(s -> schoolRate(s, H1, 4, 3)).toList();
			for (int i = 0; i < SCHOOLS.size(); i++) {
				String district = SCHOOLS.get(i).profile().district().value();
				BigDecimal mine = myopia.get(i);
				long better = myopia.stream().filter(m -> m.compareTo(mine) < 0).count();
				assertThat((Double) cells(detail, district, "myopia_rate", "").get(7)).isCloseTo(mine.doubleValue(),
						Offset.offset(1e-9));
				assertThat(cells(detail, district, "myopia_rate", "").get(16)).as("lower is better: rank")
					.isEqualTo(1.0 + better);
			}
		}
	}

	@Test
	void yearEndReportCarriesTheSecondHalfAndTheCompletionRate() throws IOException {
		try (Workbook wb = open("2023Y 年报.xlsx")) {
			Sheet overview = wb.getSheet("总览");
			assertThat(Cells.texts(overview.getRow(2))).containsExactly("指标", "单位", "本期", "上年", "增减", "增减率(%)", "可比增减",
					"可比增减率(%)", "趋势", "年度目标", "完成率", "下半年");
			List<Object> enrolment = overviewRow(overview, "招生数");
			long year = sum(Y, f -> f.studentTotal()[5]);
			long half = sum(H1, f -> f.studentTotal()[5]);
			assertThat(enrolment.get(2)).isEqualTo((double) year);
			assertThat(enrolment.get(11)).isEqualTo((double) (year - half));
			List<Object> hired = overviewRow(overview, "新招聘教师数");
			long hiredYear = sum(Y, f -> f.staffTotal()[6]);
			assertThat(hired.get(9)).isEqualTo(10.0);
			assertThat((Double) hired.get(10)).isCloseTo(hiredYear / 10.0, Offset.offset(1e-9));
			for (int r = 3; r <= overview.getLastRowNum(); r++) {
				List<Object> row = Cells.values(overview.getRow(r));
				if (row.get(2) instanceof Double now && row.get(3) instanceof Double before) {
					assertThat((Double) row.get(4)).as("本期 − 上年 = 增减: %s", row.get(0))
						.isCloseTo(now - before, Offset.offset(1e-9));
				}
			}
			assertThat(cells(wb.getSheet("明细数据"), "990103", "teachers_new", "").get(15))
				.isEqualTo(SCHOOLS.get(1).profile().district().value().equals("990103")
						? Workbooks.figures(SCHOOLS.get(1), Y).staffTotal()[6] / 4.0 : null);
		}
	}

	@Test
	void summarySheetReadsLikeABulletin() throws IOException {
		try (Workbook wb = open("2023H1 半年报.xlsx")) {
			List<String> sentences = new ArrayList<>();
			wb.getSheet("文字摘要").forEach(r -> sentences.add(Cells.texts(r).get(0)));
			long students = sum(H1, f -> f.studentTotal()[1]);
			long last = sum(H1.sameLastYear(), f -> f.studentTotal()[1]);
			assertThat(sentences).anyMatch(s -> s.contains("全市共有在校生" + String.format("%,d", students) + "人，比上年同期（"
					+ String.format("%,d", last) + "人）" + (students >= last ? "增加" : "减少")
					+ String.format("%,d", Math.abs(students - last)) + "人，" + (students >= last ? "增长" : "下降")
					+ round(BigDecimal.valueOf(Math.abs(students - last) * 100.0 / last), 1).toString()
						.replaceAll("\\.0$", ".0")
					+ "%，" + (students >= 2000 ? "已完成年度目标（2,000人）"
							: "距年度目标（2,000人）还差" + String.format("%,d", 2000 - students) + "人")
					+ "。"));
		}
		try (Workbook wb = open("2022H1 半年报.xlsx")) {
			List<String> sentences = new ArrayList<>();
			wb.getSheet("文字摘要").forEach(r -> sentences.add(Cells.texts(r).get(0)));
			assertThat(sentences).anyMatch(s -> s.matches(".*全市共有在校生[0-9,]+人，上年同期无数据。.*"));
		}
	}

	@Test
	void qualitySheetNamesTheMissingSchoolAndTheRejectedSubmission() throws IOException {
		try (Workbook wb = open("2023H1 半年报.xlsx")) {
			List<List<Object>> rows = new ArrayList<>();
			wb.getSheet("数据质量").forEach(r -> rows.add(Cells.values(r)));
			// one warning: Y01 on 清源区第一幼儿园's 校舍建筑面积 against 2022H1, loaded earlier in the
			// same run and chunk
			assertThat(rows).contains(List.of("990102", "清源区", 2.0, 1.0, 0.5, 1.0, 0.0));
			assertThat(firstRun).contains("办学条件!B3 | Y01 | 校舍建筑面积1751与上年同期2595相比变化-32.5%,超过±30%");
			assertThat(rows).contains(List.of("清源区", "3901029999", "清源区未报小学"));
			DemoSchool rejected = SCHOOLS.get(1);
			assertThat(rows).anyMatch(r -> r.size() == 5 && r.get(1).equals(rejected.profile().id().value())
					&& r.get(2).equals(rejected.profile().name()) && r.get(3).equals("late/bad.xlsx")
					&& ((String) r.get(4)).startsWith("学生表「合计」行「班数」"));
		}
	}

	@Test
	@Order(Integer.MAX_VALUE)
	void aLateResubmissionRewritesTheReportWithItsChanges() throws Exception {
		DemoSchool school = SCHOOLS.get(2);
		Figures figures = Workbooks.figures(school, H1);
		figures.students.values().iterator().next()[1] += 10;
		put("later/" + school.profile().id() + ".xlsx", SubmissionWorkbook.of(school, H1, figures).bytes(),
				Instant.parse("2024-06-01T00:00:00Z"));
		runImport();
		try (Workbook wb = open("2023H1 半年报.xlsx")) {
			List<List<Object>> rows = new ArrayList<>();
			wb.getSheet("变动").forEach(r -> rows.add(Cells.values(r)));
			long after = sum(H1, f -> f.studentTotal()[1]) + 10;
			assertThat(rows).contains(Arrays.asList("云溪市", "在校生数", null, (double) (after - 10), (double) after));
		}
		assertThat(firstRun).contains("报表 (reports) in").contains("2023H1 半年报.xlsx").contains("2023Y 年报.xlsx");
	}

	@Test
	void noReportNorFeedbackWorkbookCarriesPersonalData() throws IOException {
		List<Path> workbooks;
		try (var files = Files.walk(OUTPUT)) {
			workbooks = files.filter(f -> f.toString().endsWith(".xlsx") || f.toString().endsWith(".xls")).toList();
		}
		assertThat(workbooks).hasSizeGreaterThan(4);
		for (Path file : workbooks) {
			try (InputStream in = Files.newInputStream(file); Workbook wb = WorkbookFactory.create(in)) {
				for (Sheet sheet : wb) {
					for (Row row : sheet) {
						assertThat(Cells.texts(row)).as(file.getFileName() + " " + sheet.getSheetName())
							.noneMatch(t -> t.contains("13900001234") || t.contains("王老师")
									|| t.contains("1.3900001234E10"));
					}
				}
			}
		}
	}

	private static long sum(Period period, ToLongFunction<Figures> figure) {
		return SCHOOLS.stream().mapToLong(s -> figure.applyAsLong(Workbooks.figures(s, period))).sum();
	}

	private static BigDecimal rate(Period period, int numerator, int denominator) {
		long n = SCHOOLS.stream().mapToLong(s -> Workbooks.figures(s, period).healthTotal()[numerator]).sum();
		long d = SCHOOLS.stream().mapToLong(s -> Workbooks.figures(s, period).healthTotal()[denominator]).sum();
		return BigDecimal.valueOf(n * 100).divide(BigDecimal.valueOf(d), MathContext.DECIMAL64);
	}

	private static BigDecimal schoolRate(DemoSchool school, Period period, int numerator, int denominator) {
		long[] total = Workbooks.figures(school, period).healthTotal();
		return BigDecimal.valueOf(total[numerator] * 100)
			.divide(BigDecimal.valueOf(total[denominator]), MathContext.DECIMAL64);
	}

	private static Double round(BigDecimal value, int decimals) {
		return value.setScale(decimals, RoundingMode.HALF_UP).doubleValue();
	}

	private static List<Object> cells(Sheet detail, String area, String indicator, String group) {
		for (Row row : detail) {
			List<Object> values = Cells.values(row);
			while (values.size() < 17) {
				values.add(null);
			}
			if (area.equals(values.get(0)) && indicator.equals(values.get(2))
					&& group.equals(values.get(5) == null ? "" : values.get(5))) {
				for (int c : new int[] { 4, 5 }) {
					if (values.get(c) == null) {
						values.set(c, "");
					}
				}
				return values;
			}
		}
		throw new AssertionError("no row " + area + " " + indicator + " " + group);
	}

	private static List<Object> overviewRow(Sheet overview, String name) {
		for (Row row : overview) {
			List<Object> values = Cells.values(row);
			while (values.size() < 11) {
				values.add(null);
			}
			if (name.equals(values.get(0))) {
				return values;
			}
		}
		throw new AssertionError("no row " + name);
	}

	private Workbook open(String name) throws IOException {
		try (InputStream in = Files.newInputStream(OUTPUT.resolve(name))) {
			return WorkbookFactory.create(in);
		}
	}

	private String runImport() throws Exception {
		return ImportJobIntegrationTestsSupport.runImport(importCommand);
	}

	private void put(String path, byte[] bytes, Instant modified) {
		Workbooks.write(INBOX, path, bytes, modified);
	}

}
