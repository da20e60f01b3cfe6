package org.edustat.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.assertj.core.groups.Tuple;
import org.edustat.cli.DryRunCommand;
import org.edustat.cli.ImportCommand;
import org.edustat.core.FileFormat;
import org.edustat.core.Period;
import org.edustat.core.SchoolType;
import org.edustat.demo.DemoSchool;
import org.edustat.demo.Figures;
import org.edustat.demo.Roster;
import org.edustat.demo.SubmissionWorkbook;
import org.edustat.testing.HandWorkbook;
import org.edustat.testing.HeaderSpellings;
import org.edustat.testing.Workbooks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The form as data, end to end through the import job: a form extended by editing files
 * only, header variants in the database, an unknown header explained, every failing
 * column reported, and the files in force fixed for a run.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class FormIntegrationTests {

	static final Path ROOT = ImportJobIntegrationTestsSupport.tempRoot("edustat-form");

	static final Path INBOX = ROOT.resolve("input");

	static final Path JOBS = ROOT.resolve("jobs");

	static final Path OUTPUT = ROOT.resolve("output");

	static final Period H1 = Workbooks.H1_2023;

	static final Period H1_2022 = Period.parse("2022H1");

	static final DemoSchool PRIMARY = Workbooks.school(SchoolType.PRIMARY);

	static final DemoSchool NINE_YEAR = Workbooks.school(SchoolType.NINE_YEAR);

	static final DemoSchool JUNIOR = Workbooks.school(SchoolType.JUNIOR);

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ImportJobIntegrationTestsSupport.folders(registry, ROOT, "form-tests");
		registry.add("edustat.jobs.folder", JOBS::toString);
	}

	@Autowired
	ImportCommand importCommand;

	@Autowired
	DryRunCommand dryRun;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void freshFolders() throws IOException {
		ImportJobIntegrationTestsSupport.startFromNothing(jdbc, ROOT);
		FileSystemUtils.deleteRecursively(JOBS);
		FileSystemUtils.copyRecursively(Path.of("jobs"), JOBS);
	}

	@Test
	void aStatisticianExtendsTheFormWithoutRecompiling() throws Exception {
		edit("form.yaml", "aliases: [在校学生数, 在校生, 学生数]", "aliases: [在校学生数, 在校生, 学生数, 学籍人数]");
		edit("form.yaml", "var: graduates, required: true }\n", """
				var: graduates, required: true }
				      - { name: "其中:少数民族", aliases: [少数民族学生], unit: 人, var: minority }
				""");
		edit("form.yaml", "# 审核规则 school 范围", """
				  - name: 学生资助
				    layout: grid
				    var: aid
				    rows:
				      - { name: 国家助学金 }
				      - { name: 免学费 }
				      - { name: 合计, total: true, required: true }
				    columns:
				      - { name: 受助人次, aliases: [资助人次], unit: 人次, var: persons, required: true }
				      - { name: 资助金额, type: money, unit: 万元, convert: { 元: 0.0001 }, var: amount, required: true }

				# 审核规则 school 范围""");
		Files.writeString(JOBS.resolve("indicators.yaml"), Files.readString(JOBS.resolve("indicators.yaml"))
				+ """
						- { code: minority_students, name: 少数民族学生数, unit: 人, kind: stock, unitKind: count, better: higher, numerator: { sum: 学生.合计.其中:少数民族 } }
						- { code: aid_amount, name: 学生资助金额, unit: 万元, kind: flow, unitKind: count, better: higher, numerator: { sum: 学生资助.合计.资助金额 } }
						""");
		Files.writeString(JOBS.resolve("rules/9-local.yaml"), """
				- code: Z11
				  name: 少数民族学生不超过在校生
				  severity: error
				  scope: row
				  sheet: 学生
				  check: "minority <= students"
				  cell: minority
				  message: "「{row}」行其中少数民族学生{minority}人,多于在校生{students}人"
				- code: Z12
				  name: 学生资助合计
				  severity: error
				  scope: total
				  sheet: 学生资助
				  check: "total == sum"
				  cell: total
				  message: "学生资助表「合计」行「{column}」为{total},各行之和为{sum}"
				""");
		put("a.xlsx", extended(PRIMARY, H1, FileFormat.XLSX, false), Instant.parse("2024-01-01T00:00:00Z"));
		put("b.xls", extended(NINE_YEAR, H1, FileFormat.XLS, false), Instant.parse("2024-01-01T00:01:00Z"));
		put("c.xlsx", extended(JUNIOR, H1, FileFormat.XLSX, true), Instant.parse("2024-01-01T00:02:00Z"));
		put("old.xlsx", Workbooks.submission(PRIMARY, H1_2022).bytes(), Instant.parse("2023-01-01T00:00:00Z"));
		String out = runImport();

		assertThat(value(PRIMARY, H1, "学生", "合计", "在校生数")).isEqualByComparingTo(total(PRIMARY, H1, 1));
		for (DemoSchool school : List.of(PRIMARY, NINE_YEAR)) {
			long grades = Workbooks.figures(school, H1).students.size();
			assertThat(value(school, H1, "学生", "合计", "其中:少数民族")).as(school.profile().name())
				.isEqualByComparingTo(Long.toString(grades));
			assertThat(value(school, H1, "学生资助", "国家助学金", "资助金额")).isEqualByComparingTo("5");
			assertThat(value(school, H1, "学生资助", "合计", "资助金额")).isEqualByComparingTo("7");
			assertThat(value(school, H1, "学生资助", "合计", "受助人次")).isEqualByComparingTo("15");
		}
		assertThat(jdbc.sql(
				"select count(*) from submission_value where period = '2022H1' and (column_key = '其中:少数民族' or sheet = '学生资助')")
			.query(Integer.class)
			.single()).isZero();
		assertThat(jdbc.sql("select count(*) from submission where period = '2022H1'").query(Integer.class).single())
			.isEqualTo(1);

		Map<String, Object> z11 = jdbc.sql(
				"select d.code, d.cell, d.message, f.status from finding d join inbox_file f on f.id = d.file_id where d.code = 'Z11'")
			.query()
			.singleRow();
		long juniorStudents = Workbooks.figures(JUNIOR, H1).students.values().iterator().next()[1];
		assertThat(z11).containsEntry("CELL", "学生!I2")
			.containsEntry("STATUS", "已退回")
			.containsEntry("MESSAGE", "「七年级」行其中少数民族学生" + (juniorStudents + 1) + "人,多于在校生" + juniorStudents + "人");
		assertThat(out).contains("c.xlsx — " + JUNIOR.profile().name());

		long minorities = Workbooks.figures(PRIMARY, H1).students.size()
				+ Workbooks.figures(NINE_YEAR, H1).students.size();
		try (Workbook report = open("2023H1 半年报.xlsx")) {
			List<Object> minority = detail(report, "990100", "minority_students");
			assertThat(minority.subList(3, 10)).containsExactly("少数民族学生数", null, null, "人", (double) minorities, null,
					null);
			assertThat(detail(report, "990100", "aid_amount").subList(6, 9)).containsExactly("万元", 14.0, null);
		}
		try (Workbook report = open("2022H1 半年报.xlsx")) {
			assertThat(detail(report, "990100", "minority_students").get(7)).as("empty, not 0").isNull();
			assertThat(detail(report, "990100", "students").get(7))
				.isEqualTo((double) Workbooks.figures(PRIMARY, H1_2022).studentTotal()[1]);
		}
	}

	@Test
	void aBrokenFormStopsTheRunBeforeAnyFileIsTaken() throws Exception {
		edit("form.yaml", "{ name: 小班, stage: 学前 }", "{ name: 小班, stage: 托班 }");
		Path file = Workbooks.write(INBOX, "a.xlsx", Workbooks.submission(PRIMARY, H1).bytes(), Instant.now());
		String out = runImport();
		assertThat(out).startsWith("jobs/ 中的文件有误,本次不导入任何文件 (form, rules or indicators invalid, nothing imported): "
				+ "表式文件 form.yaml 中的工作表「学生」行「小班」:stage「托班」不是学段(学前、小学、初中、高中、中职、特教) (form file form.yaml: bad stage)");
		assertThat(file).exists();
		assertThat(jdbc.sql("select count(*) from inbox_file").query(Integer.class).single()).isZero();
	}

	@Test
	void everyHeaderVariantFamilyReachesTheDatabase() throws Exception {
		int n = 0;
		for (HeaderSpellings family : HeaderSpellings.values()) {
			for (FileFormat format : FileFormat.values()) {
				String id = "39010290" + String.format("%02d", n++);
				put(id + (format == FileFormat.XLS ? ".xls" : ".xlsx"),
						new HandWorkbook(id, "测试小学" + id, "2023H1").spelling(family.spelling).bytes(format),
						Instant.now());
			}
		}
		runImport();
		assertThat(jdbc.sql("select count(*) from submission").query(Integer.class).single()).isEqualTo(n);
		for (int i = 0; i < n; i++) {
			String id = "39010290" + String.format("%02d", i);
			HandWorkbook.expected()
				.forEach((sheet, rows) -> rows
					.forEach((row, columns) -> columns.forEach((column, expected) -> assertThat(jdbc.sql(
							"select val from submission_value where school_id = ? and sheet = ? and row_key = ? and column_key = ?")
						.params(id, sheet, row, column)
						.query(BigDecimal.class)
						.single()).as(id + " " + sheet + " " + row + " " + column).isEqualByComparingTo(expected))));
		}
	}

	@Test
	void lockAndHiddenFilesAreListedAsIgnoredAndExtraSheetsAndColumnsAreNoted() throws Exception {
		put("清源区/~$学校.xlsx", new byte[] { 1, 2, 3 }, Instant.now());
		put("清源区/.隐藏.xlsx", Workbooks.submission(PRIMARY, H1).bytes(), Instant.now());
		put("清源区/多余.xlsx",
				new HandWorkbook("3901029101", "测试小学", "2023H1").extraColumn("教职工", "备注")
					.extraSheet("封面")
					.bytes(FileFormat.XLSX),
				Instant.now());
		String out = runImport();
		List<Map<String, Object>> entries = jdbc
			.sql("select received_path, status, reason, notes, archive_path from inbox_file order by received_path")
			.query()
			.listOfRows();
		assertThat(entries)
			.extracting(r -> r.get("RECEIVED_PATH"), r -> r.get("STATUS"), r -> r.get("REASON"), r -> r.get("NOTES"))
			.containsExactly(Tuple.tuple("清源区/.隐藏.xlsx", "已忽略", "隐藏文件(文件名以 . 开头),不作为报表读取,已忽略", null),
					Tuple.tuple("清源区/~$学校.xlsx", "已忽略", "Office 临时锁定文件(文件名以 ~$ 开头,表格软件打开文件时生成),不是报表,已忽略", null),
					Tuple.tuple("清源区/多余.xlsx", "已入库", null, "已忽略多余的工作表「封面」;工作表「教职工」中未识别的列「备注」(教职工!I1)已忽略"));
		for (Map<String, Object> entry : entries) {
			assertThat(ROOT.resolve("archive").resolve((String) entry.get("ARCHIVE_PATH"))).exists();
		}
		try (var left = Files.walk(INBOX)) {
			assertThat(left.filter(Files::isRegularFile)).isEmpty();
		}
		assertThat(out).contains("已忽略 2").contains("清源区/~$学校.xlsx: Office 临时锁定文件");
	}

	@Test
	void anUnknownHeaderIsExplainedMarkedAndTheFileStillCountsForItsSchool(CapturedOutput log) throws Exception {
		put("待核对/教职工表头.xlsx",
				Workbooks.submission(PRIMARY, H1)
					.tamper(wb -> wb.getSheet("教职工").getRow(0).getCell(2).setCellValue("女职工"))
					.bytes(),
				Instant.now());
		runImport();
		Map<String, Object> finding = jdbc.sql("""
				select d.code, d.cell, d.message, f.status, f.school_id, f.school_name, f.period, f.district_code
				from finding d join inbox_file f on f.id = d.file_id""").query().singleRow();
		assertThat(finding).containsEntry("CODE", "N02")
			.containsEntry("CELL", "教职工!C1")
			.containsEntry("MESSAGE", "未识别的列「女职工」(教职工!C1),是否为「其中:女」?(工作表「教职工」缺少列「其中:女」)")
			.containsEntry("STATUS", "已退回")
			.containsEntry("SCHOOL_ID", PRIMARY.profile().id().value())
			.containsEntry("SCHOOL_NAME", PRIMARY.profile().name())
			.containsEntry("PERIOD", "2023H1")
			.containsEntry("DISTRICT_CODE", PRIMARY.profile().district().value());
		assertThat(log.getOut()).contains("add it to jobs/form.yaml, sheet 教职工, column 其中:女: aliases: [女职工]");
		Path feedback = OUTPUT.resolve("回执/2023H1/" + PRIMARY.profile().district().value() + "/"
				+ PRIMARY.profile().name() + "_2023H1_回执.xlsx");
		try (InputStream in = Files.newInputStream(feedback); Workbook wb = WorkbookFactory.create(in)) {
			assertThat(fill(wb, "教职工", "C1")).isEqualTo(IndexedColors.RED.getIndex());
			assertThat(fill(wb, "教职工", "D1")).isNotEqualTo(IndexedColors.RED.getIndex());
		}
	}

	@Test
	void aRowFailingOnThreeColumnsGivesThreeFindingsAndThreeMarkedCells() throws Exception {
		Figures figures = Workbooks.figures(PRIMARY, H1);
		long[] first = figures.students.values().iterator().next();
		long students = first[1];
		for (int c = 2; c <= 4; c++) {
			first[c] = students + c;
		}
		put("三列.xlsx", SubmissionWorkbook.of(PRIMARY, H1, figures).bytes(), Instant.now());
		runImport();
		List<Map<String, Object>> findings = jdbc
			.sql("select cell, message from finding where code = 'S02' order by cell")
			.query()
			.listOfRows();
		assertThat(findings).extracting(r -> r.get("CELL"), r -> r.get("MESSAGE"))
			.containsExactly(Tuple.tuple("学生!D2", "「一年级」行其中女生" + (students + 2) + "人,多于在校生" + students + "人"),
					Tuple.tuple("学生!E2", "「一年级」行其中随迁子女" + (students + 3) + "人,多于在校生" + students + "人"),
					Tuple.tuple("学生!F2", "「一年级」行其中残疾学生" + (students + 4) + "人,多于在校生" + students + "人"));
		Path feedback = OUTPUT.resolve("回执/2023H1/" + PRIMARY.profile().district().value() + "/"
				+ PRIMARY.profile().name() + "_2023H1_回执.xlsx");
		try (InputStream in = Files.newInputStream(feedback); Workbook wb = WorkbookFactory.create(in)) {
			for (String cell : List.of("D2", "E2", "F2")) {
				assertThat(fill(wb, "学生", cell)).as(cell).isEqualTo(IndexedColors.RED.getIndex());
			}
			assertThat(fill(wb, "学生", "C2")).isNotEqualTo(IndexedColors.RED.getIndex());
		}
	}

	@Test
	void aRunKeepsTheRulesItStartedWithWhileADryRunSeesTheEditedOnes() throws Exception {
		List<DemoSchool> schools = Roster.schools(220, Workbooks.SEED);
		Instant t = Instant.parse("2024-01-01T00:00:00Z");
		for (DemoSchool school : schools) {
			put("批量/" + school.profile().id() + ".xlsx",
					SubmissionWorkbook.of(school, H1, Figures.of(school, H1, Workbooks.SEED)).bytes(), t);
			t = t.plusSeconds(1);
		}
		CompletableFuture<String> run = CompletableFuture.supplyAsync(() -> {
			try {
				return runImport();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (jdbc
			.sql("select count(*) from batch_step_execution where step_name = 'submissions' and status = 'STARTED'")
			.query(Integer.class)
			.single() == 0) {
			assertThat(System.nanoTime()).as("the submissions step started").isLessThan(deadline);
			Thread.sleep(5);
		}
		edit("rules/1-within-sheet.yaml", "params: { large: 55, huge: 66 }", "params: { large: 1, huge: 66 }");
		Path checked = Workbooks.write(ROOT, "上传/试审.xlsx", Workbooks.submission(PRIMARY, H1).bytes(), Instant.now());
		DryRunCommand.Result dry = dryRun.check(checked);
		boolean stillRunning = jdbc
			.sql("select count(*) from batch_step_execution where step_name = 'submissions' and status = 'STARTED'")
			.query(Integer.class)
			.single() > 0;
		assertThat(dry.inspection().findings()).extracting(f -> f.code() + " " + f.message())
			.anyMatch(text -> text.startsWith("S04 ") && text.endsWith("超过1人(大班额)"));
		String out = run.get(120, TimeUnit.SECONDS);
		assertThat(stillRunning).as("the dry run happened while the run was going").isTrue();
		assertThat(out).contains("已入库 " + schools.size());
		assertThat(jdbc.sql("select count(*) from finding where code = 'S04' and message like '%超过1人%'")
			.query(Integer.class)
			.single()).as("the running import kept the rules it started with").isZero();

		put("更正.xlsx", Workbooks.submission(NINE_YEAR, Period.parse("2023Y")).bytes(), Instant.now());
		runImport();
		assertThat(jdbc.sql("select count(*) from finding where code = 'S04' and message like '%超过1人%'")
			.query(Integer.class)
			.single()).as("the next run reads the edited rules").isPositive();
	}

	/**
	 * A demo workbook with the column 其中:少数民族 (one per grade; one grade over its students
	 * when asked) and a sheet 学生资助.
	 */
	private static byte[] extended(DemoSchool school, Period period, FileFormat format, boolean tooMany) {
		Figures figures = Workbooks.figures(school, period);
		int grades = figures.students.size();
		long firstStudents = figures.students.values().iterator().next()[1];
		return SubmissionWorkbook.of(school, period, figures).format(format).tamper(wb -> {
			Sheet students = wb.getSheet("学生");
			Row header = students.getRow(0);
			int column = header.getLastCellNum();
			header.createCell(column).setCellValue("其中:少数民族");
			header.getCell(2).setCellValue("学籍人数");
			for (int r = 1; r <= grades; r++) {
				students.getRow(r).createCell(column).setCellValue(tooMany && r == 1 ? firstStudents + 1 : 1);
			}
			students.getRow(grades + 1).createCell(column).setCellValue(grades + (tooMany ? firstStudents : 0));
			Sheet aid = wb.createSheet("学生资助");
			Object[][] rows = { { "项目", "资助人次", "资助金额(元)" }, { "国家助学金", 10, 50_000 }, { "免学费", 5, 20_000 },
					{ "合计", 15, 70_000 } };
			for (int r = 0; r < rows.length; r++) {
				Row row = aid.createRow(r);
				for (int c = 0; c < rows[r].length; c++) {
					if (rows[r][c] instanceof Integer i) {
						row.createCell(c).setCellValue(i);
					}
					else {
						row.createCell(c).setCellValue((String) rows[r][c]);
					}
				}
			}
		}).bytes();
	}

	private static BigDecimal total(DemoSchool school, Period period, int column) {
		return BigDecimal.valueOf(Workbooks.figures(school, period).studentTotal()[column]);
	}

	private BigDecimal value(DemoSchool school, Period period, String sheet, String row, String column) {
		return jdbc.sql(
				"select val from submission_value where school_id = ? and period = ? and sheet = ? and row_key = ? and column_key = ?")
			.params(school.profile().id().value(), period.code(), sheet, row, column)
			.query(BigDecimal.class)
			.single();
	}

	private static void edit(String file, String from, String to) throws IOException {
		Path path = JOBS.resolve(file);
		String text = Files.readString(path);
		assertThat(text).as(file + " holds the text to edit").contains(from);
		Files.writeString(path, text.replace(from, to));
	}

	private static void put(String path, byte[] bytes, Instant modified) {
		Workbooks.write(INBOX, path, bytes, modified);
	}

	private String runImport() throws Exception {
		return ImportJobIntegrationTestsSupport.runImport(importCommand);
	}

	private static Workbook open(String name) throws IOException {
		try (InputStream in = Files.newInputStream(OUTPUT.resolve(name))) {
			return WorkbookFactory.create(in);
		}
	}

	private static short fill(Workbook wb, String sheet, String address) {
		CellReference ref = new CellReference(address);
		Cell cell = wb.getSheet(sheet).getRow(ref.getRow()).getCell(ref.getCol());
		return cell.getCellStyle().getFillPattern() == FillPatternType.SOLID_FOREGROUND
				? cell.getCellStyle().getFillForegroundColor() : -1;
	}

	/** The 明细数据 row of an area, indicator and the whole (no group). */
	private static List<Object> detail(Workbook wb, String area, String indicator) {
		for (Row row : wb.getSheet("明细数据")) {
			List<Object> values = new ArrayList<>();
			for (int c = 0; c < 17; c++) {
				Cell cell = row.getCell(c);
				values.add(cell == null || cell.getCellType() == CellType.BLANK ? null
						: cell.getCellType() == CellType.NUMERIC ? (Object) cell.getNumericCellValue()
								: cell.getStringCellValue());
			}
			if (area.equals(values.get(0)) && indicator.equals(values.get(2))
					&& (values.get(5) == null || "".equals(values.get(5)))) {
				return values;
			}
		}
		throw new AssertionError("no row " + area + " " + indicator);
	}

}
