package org.edustat.reports;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.edustat.core.CellRef;
import org.edustat.core.DistrictCode;
import org.edustat.core.FileFormat;
import org.edustat.core.Finding;
import org.edustat.core.Period;
import org.edustat.core.ReferenceData;
import org.edustat.core.SchoolId;
import org.edustat.core.SchoolProfile;
import org.edustat.core.SchoolType;
import org.edustat.core.Severity;
import org.edustat.core.Sponsor;
import org.edustat.core.Submission;
import org.edustat.core.Target;
import org.edustat.core.UrbanRural;
import org.edustat.demo.DemoSchool;
import org.edustat.demo.Figures;
import org.edustat.demo.Roster;
import org.edustat.demo.SubmissionWorkbook;
import org.edustat.indicators.Catalogue;
import org.edustat.indicators.Comparison;
import org.edustat.ledger.FileStatus;
import org.edustat.ledger.FindingStore;
import org.edustat.ledger.Ledger;
import org.edustat.ledger.LedgerEntry;
import org.edustat.ledger.LedgerReadings;
import org.edustat.load.Coverage;
import org.edustat.load.FactsReader;
import org.edustat.load.FigureKeys;
import org.edustat.load.ReferenceStore;
import org.edustat.load.SubmissionStore;
import org.edustat.testing.Cells;
import org.edustat.testing.Workbooks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A report over a city where two schools of 清源区 reported last year but not this period,
 * written from the real schema in a JDBC slice: plain totals, the comparable basis and
 * coverage to the unit, exact values under rounding formats, the 文字摘要 on the comparable
 * basis with its note, 学校明细, and the groups by 举办者 and 城乡分类.
 */
@JdbcTest
class ComparativeReportsTests {

	static final Period NOW = Period.parse("2023H1");

	static final Period LAST = NOW.sameLastYear();

	static final Catalogue CATALOGUE = Catalogue.load(Path.of("jobs", "indicators.yaml"), Workbooks.FORM);

	static final DemoSchool A = school("3901020001", "清源区第一小学", "990102", Sponsor.PUBLIC, UrbanRural.URBAN, 1);

	static final DemoSchool B = school("3901020002", "清源区第二小学", "990102", Sponsor.PUBLIC, UrbanRural.TOWN, 2);

	static final DemoSchool C = school("3901020003", "清源区第三小学", "990102", Sponsor.PUBLIC, UrbanRural.RURAL, 3);

	static final DemoSchool D = school("3901020004", "清源区第四小学", "990102", Sponsor.PUBLIC, UrbanRural.RURAL, 4);

	static final DemoSchool E = school("3901030005", "明湖区民办小学", "990103", Sponsor.PRIVATE, UrbanRural.RURAL, 5);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate template;

	@Autowired
	DataSource dataSource;

	@TempDir
	Path folder;

	ComparativeReports reports;

	@BeforeEach
	void twoPeriodsWithTwoSchoolsMissingNow() {
		ReferenceStore references = new ReferenceStore(jdbc, template);
		references.apply(new ReferenceData(Roster.DISTRICTS.subList(0, 3), List.of(), List.of()));
		SubmissionStore store = new SubmissionStore(jdbc, template, new FigureKeys(dataSource));
		long file = 1;
		for (DemoSchool school : List.of(A, B, C, D, E)) {
			load(store, school, LAST, file++);
		}
		for (DemoSchool school : List.of(A, B, E)) {
			load(store, school, NOW, file++);
		}
		reports = new ComparativeReports(jdbc, template, new FactsReader(template, new FigureKeys(dataSource)),
				references, new Coverage(jdbc), new LedgerReadings(jdbc), () -> CATALOGUE, code -> code, folder);
	}

	@Test
	void plainTotalsStayAndTheComparableChangeAndCoverageAreRightToTheUnit() throws Exception {
		long nowAb = students(A, NOW) + students(B, NOW);
		long lastAll = students(A, LAST) + students(B, LAST) + students(C, LAST) + students(D, LAST);
		long lastAb = students(A, LAST) + students(B, LAST);
		try (Workbook wb = write()) {
			Sheet detail = wb.getSheet("明细数据");
			assertThat(Cells.texts(detail.getRow(0))).startsWith("区县代码", "区县名称", "指标代码", "指标名称", "分组类型", "分组", "单位",
					"本期", "上年同期", "增减", "增减率", "可比增减", "可比增减率", "覆盖");
			List<Object> row = row(detail, "990102", "students", "");
			assertThat(row.subList(7, 10)).containsExactly((double) nowAb, (double) lastAll,
					(double) (nowAb - lastAll));
			assertThat((Double) row.get(10)).isCloseTo((nowAb - lastAll) * 100.0 / lastAll, within(1e-9));
			assertThat(row.get(11)).isEqualTo((double) (nowAb - lastAb));
			assertThat((Double) row.get(12)).isCloseTo((nowAb - lastAb) * 100.0 / lastAb, within(1e-9));
			assertThat(row.get(13)).isEqualTo(0.5);
			List<Object> city = row(detail, "990100", "students", "");
			long nowAll = nowAb + students(E, NOW);
			assertThat(city.subList(7, 9)).containsExactly((double) nowAll, (double) (lastAll + students(E, LAST)));
			assertThat(city.get(11)).isEqualTo((double) (nowAll - lastAb - students(E, LAST)));
			assertThat(city.get(13)).isEqualTo(0.6);
			List<Object> complete = row(detail, "990103", "students", "");
			assertThat(complete.get(11)).isEqualTo(complete.get(9));
			assertThat(complete.get(13)).isEqualTo(1.0);
		}
	}

	@Test
	void everyFigureOf明细数据IsTheExactValueAndOnlyItsFormatRounds() throws Exception {
		ReportData data = reports.gather(NOW, CATALOGUE);
		Map<String, Comparison.Row> byKey = new HashMap<>();
		data.rows().forEach(r -> byKey.put(r.area() + "|" + r.indicator().code() + "|" + r.group(), r));
		int checked = 0;
		try (Workbook wb = write()) {
			Sheet detail = wb.getSheet("明细数据");
			for (Row row : detail) {
				if (row.getRowNum() == 0) {
					continue;
				}
				Comparison.Row expected = byKey.get(text(row, 0) + "|" + text(row, 2) + "|" + text(row, 5));
				int decimals = expected.indicator().decimals();
				int changeDecimals = expected.indicator().isRate() ? 2 : decimals;
				BigDecimal[] values = { expected.current(), expected.last(), expected.change(), expected.changeRate(),
						expected.comparableChange(), expected.comparableChangeRate(), expected.coverage(),
						expected.target() };
				int[] places = { decimals, decimals, changeDecimals, 1, changeDecimals, 1, -1, decimals };
				int[] columns = { 7, 8, 9, 10, 11, 12, 13, 14 };
				for (int k = 0; k < columns.length; k++) {
					Cell cell = row.getCell(columns[k]);
					if (values[k] == null) {
						assertThat(cell).as(text(row, 2) + " column " + columns[k]).isNull();
						continue;
					}
					assertThat(cell.getNumericCellValue()).as(text(row, 2) + " column " + columns[k])
						.isCloseTo(values[k].doubleValue(), within(1e-9));
					assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo(
							places[k] < 0 ? "0.0%" : places[k] == 0 ? "#,##0" : "#,##0." + "0".repeat(places[k]));
					checked++;
				}
			}
			List<Object> ratio = row(detail, "990100", "student_teacher_ratio", "");
			long teachers = teachers(A, NOW) + teachers(B, NOW) + teachers(E, NOW);
			long students = students(A, NOW) + students(B, NOW) + students(E, NOW);
			assertThat((Double) ratio.get(7)).isCloseTo(BigDecimal.valueOf(students)
				.divide(BigDecimal.valueOf(teachers), MathContext.DECIMAL64)
				.doubleValue(), within(1e-9));
		}
		assertThat(checked).isGreaterThan(500);
	}

	@Test
	void theSummaryUsesTheComparableChangeAndSaysWhichSchoolsAreNotIncluded() throws Exception {
		long nowAb = students(A, NOW) + students(B, NOW);
		long change = nowAb - students(A, LAST) - students(B, LAST);
		try (Workbook wb = write()) {
			List<String> lines = new ArrayList<>();
			wb.getSheet("文字摘要").forEach(r -> lines.add(text(r, 0)));
			String note = "说明：清源区有2所学校未报送（清源区第三小学、清源区第四小学），其数据未计入以下数字；与上年同期相比的增减按可比口径（两期均已入库的学校）计算。";
			assertThat(lines).contains(note);
			String paragraph = lines.get(lines.indexOf(note) + 1);
			assertThat(paragraph)
				.startsWith("清源区共有学校2所，比上年同期（4所）减少2所（2所未报送），下降50.0%。清源区共有在校生" + String.format("%,d", nowAb)
						+ "人，按可比口径比上年同期" + (change >= 0 ? "增加" : "减少") + String.format("%,d", Math.abs(change)) + "人");
			assertThat(lines.indexOf("一、总体情况")).isLessThan(lines.indexOf("二、分学段情况"));
		}
	}

	@Test
	void 学校明细ShowsEachLoadedSchoolWithItsFiguresRankAndNoPersonalData() throws Exception {
		try (Workbook wb = write()) {
			Sheet schools = wb.getSheet("学校明细");
			assertThat(Cells.texts(schools.getRow(0))).startsWith("学校标识码", "学校名称", "区县", "办学类型", "举办者", "城乡分类",
					"在校生数(人)", "在校生数上年同期");
			assertThat(schools.getLastRowNum()).isEqualTo(3);
			List<Object> a = row(schools, A.profile().id().value());
			assertThat(a.subList(0, 8)).containsExactly(A.profile().id().value(), "清源区第一小学", "清源区", "小学", "公办", "城区",
					(double) students(A, NOW), (double) students(A, LAST));
			int rank = students(A, NOW) >= students(B, NOW) ? 1 : 2;
			assertThat(a.get(Cells.texts(schools.getRow(0)).indexOf("区县内位次(在校生数)"))).isEqualTo((double) rank);
			for (Row row : schools) {
				assertThat(Cells.texts(row)).noneMatch(t -> t.contains("王老师") || t.contains("13900001234"));
			}
			List<Object> e = row(schools, E.profile().id().value());
			int flagsColumn = Cells.texts(schools.getRow(0)).indexOf("关注事项");
			String flags = e.size() > flagsColumn ? (String) e.get(flagsColumn) : null;
			long before = students(E, LAST);
			long now = students(E, NOW);
			assertThat(flags == null ? "" : flags).as("a change beyond ±30%% is flagged, and only then")
				.contains(Math.abs(now - before) * 10 > before * 3 ? "在校生数变化超过±30%" : "");
		}
	}

	@Test
	void 学校明细FlagsTheWarningsItGotAValueWorseThanTheTargetAndALargeChange() throws Exception {
		long file = new Ledger(template).insert(new LedgerEntry(0, "a.xlsx", "a.xlsx", 1, "x", Instant.now(),
				Instant.now(), "学校报表", A.profile().id().value(), A.profile().name(), "2023H1", "990102",
				FileStatus.LOADED, null, null, "a", true, null));
		new FindingStore(template).insert(file, A.profile().id().value(), "2023H1", List.of(new Finding("S04",
				Severity.WARNING, CellRef.of("学生", 1, 2), "「一年级」平均班额58人,超过55人(大班额)", "large classes", "")), Map.of());
		new ReferenceStore(jdbc, template).apply(new ReferenceData(List.of(), List.of(),
				List.of(new Target(2023, new DistrictCode("990102"), "student_teacher_ratio", BigDecimal.ONE))));
		reports = new ComparativeReports(jdbc, template, new FactsReader(template, new FigureKeys(dataSource)),
				new ReferenceStore(jdbc, template), new Coverage(jdbc), new LedgerReadings(jdbc), () -> CATALOGUE,
				code -> code.equals("S04") ? "大班额" : code, folder);
		try (Workbook wb = write()) {
			Sheet schools = wb.getSheet("学校明细");
			int flags = Cells.texts(schools.getRow(0)).indexOf("关注事项");
			assertThat((String) row(schools, A.profile().id().value()).get(flags)).startsWith("大班额、低于年度目标:生师比");
			assertThat((String) row(schools, B.profile().id().value()).get(flags)).doesNotContain("大班额")
				.contains("低于年度目标:生师比");
		}
	}

	@Test
	void groupsBy举办者And城乡分类BesideThe学段() throws Exception {
		try (Workbook wb = write()) {
			Sheet detail = wb.getSheet("明细数据");
			assertThat(row(detail, "990100", "students", "民办").subList(4, 8)).containsExactly("举办者", "民办", "人",
					(double) students(E, NOW));
			assertThat(row(detail, "990100", "students", "公办").get(7))
				.isEqualTo((double) (students(A, NOW) + students(B, NOW)));
			assertThat(row(detail, "990100", "students", "城区").subList(4, 8)).containsExactly("城乡分类", "城区", "人",
					(double) students(A, NOW));
			assertThat(row(detail, "990100", "students", "小学").get(4)).isEqualTo("学段");
		}
	}

	private Workbook write() throws Exception {
		Path file = reports.write(NOW);
		try (InputStream in = Files.newInputStream(file)) {
			return WorkbookFactory.create(in);
		}
	}

	private void load(SubmissionStore store, DemoSchool school, Period period, long file) {
		Submission submission = Workbooks.normalise(folder,
				SubmissionWorkbook.of(school, period, figures(school, period)).bytes(), FileFormat.XLSX);
		SubmissionStore.Batch batch = store.batch();
		batch.replace(submission, file, Instant.parse("2023-07-01T00:00:00Z"), Instant.now());
		batch.flush();
	}

	private static DemoSchool school(String id, String name, String district, Sponsor sponsor, UrbanRural place,
			int index) {
		return new DemoSchool(new SchoolProfile(new SchoolId(id), name, new DistrictCode(district), SchoolType.PRIMARY,
				sponsor, place), index, 1.0);
	}

	private static Figures figures(DemoSchool school, Period period) {
		return Workbooks.figures(school, period);
	}

	private static long students(DemoSchool school, Period period) {
		return figures(school, period).studentTotal()[1];
	}

	private static long teachers(DemoSchool school, Period period) {
		return figures(school, period).staff.get("专任教师")[0];
	}

	private static List<Object> row(Sheet sheet, String area, String indicator, String group) {
		for (Row row : sheet) {
			if (area.equals(text(row, 0)) && indicator.equals(text(row, 2)) && group.equals(text(row, 5))) {
				return Cells.values(row);
			}
		}
		throw new AssertionError("no row " + area + " " + indicator + " " + group);
	}

	private static List<Object> row(Sheet sheet, String first) {
		for (Row row : sheet) {
			if (first.equals(text(row, 0))) {
				return Cells.values(row);
			}
		}
		throw new AssertionError("no row " + first);
	}

	private static String text(Row row, int c) {
		Cell cell = row.getCell(c);
		return cell == null ? "" : cell.getCellType() == CellType.NUMERIC ? String.valueOf(cell.getNumericCellValue())
				: cell.getStringCellValue();
	}

}
