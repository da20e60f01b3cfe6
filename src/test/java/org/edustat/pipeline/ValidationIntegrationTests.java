package org.edustat.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.edustat.cli.DryRunCommand;
import org.edustat.cli.ImportCommand;
import org.edustat.core.Period;
import org.edustat.core.SchoolType;
import org.edustat.demo.DemoSchool;
import org.edustat.demo.Figures;
import org.edustat.demo.Grade;
import org.edustat.demo.Mess;
import org.edustat.demo.SubmissionWorkbook;
import org.edustat.testing.Workbooks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit rules inside the import job: editable without recompiling, feedback
 * workbooks, the 说明 round trip.
 */
@SpringBootTest
class ValidationIntegrationTests {

	static final Path ROOT = ImportJobIntegrationTestsSupport.tempRoot("edustat-validation");

	static final Path INBOX = ROOT.resolve("input");

	static final Path JOBS = ROOT.resolve("jobs");

	static final Path OUTPUT = ROOT.resolve("output");

	static final DemoSchool SCHOOL = Workbooks.school(SchoolType.NINE_YEAR);

	static final DemoSchool OTHER = Workbooks.school(SchoolType.PRIMARY);

	static final Period H1 = Workbooks.H1_2023;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:validation-tests;DB_CLOSE_DELAY=-1");
		registry.add("edustat.intake.inbox", INBOX::toString);
		registry.add("edustat.intake.archive", () -> ROOT.resolve("archive").toString());
		registry.add("edustat.jobs.folder", JOBS::toString);
		registry.add("edustat.reports.output", OUTPUT::toString);
	}

	@Autowired
	ImportCommand importCommand;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void freshFolders() throws IOException {
		for (Path folder : List.of(INBOX, JOBS, OUTPUT, ROOT.resolve("archive"))) {
			FileSystemUtils.deleteRecursively(folder);
		}
		FileSystemUtils.copyRecursively(Path.of("jobs"), JOBS);
		Files.createDirectories(INBOX);
		for (String table : List.of("finding", "submission_figures", "submission", "inbox_file")) {
			jdbc.sql("delete from " + table).update();
		}
	}

	@Test
	void obeysAnEditedThresholdAndANewRuleWithoutRecompiling() throws Exception {
		Figures figures = withFirstGradeClassesOf(50);
		long[] first = figures.students.get(Grade.G1);
		put("a.xlsx", SubmissionWorkbook.of(SCHOOL, H1, figures).bytes(), Instant.parse("2024-01-01T00:00:00Z"));
		runImport();
		assertThat(codes()).doesNotContain("S04", "Z01");

		Path rules = JOBS.resolve("rules/1-within-sheet.yaml");
		Files.writeString(rules,
				Files.readString(rules).replace("params: { large: 55, huge: 66 }", "params: { large: 45, huge: 66 }"));
		Files.writeString(JOBS.resolve("rules/9-local.yaml"), """
				- code: Z01
				  name: 规模较大
				  severity: warning
				  scope: school
				  check: "students <= params.max"
				  cell: students
				  message: "在校生{students}人,超过本地关注线{params.max}人"
				  params: { max: 100 }
				""");
		put("b.xlsx", SubmissionWorkbook.of(SCHOOL, H1, figures).mess(Mess.EXTRA_SHEETS).bytes(),
				Instant.parse("2024-02-01T00:00:00Z"));
		String out = runImport();
		assertThat(out).contains("学生!C2 | S04 | 「一年级」平均班额50人,超过45人(大班额)")
			.contains("S04")
			.contains("Z01 | 在校生" + figures.studentTotal()[1] + "人,超过本地关注线100人");
	}

	@Test
	void aBrokenRulesFileStopsTheRunBeforeAnyFileIsTaken() throws Exception {
		Files.writeString(JOBS.resolve("rules/9-local.yaml"),
				"- {code: Z02, severity: warning, scope: school, check: 'students.getClass() != null', message: m}\n");
		Path file = put("a.xlsx", Workbooks.submission(SCHOOL, H1).bytes(), Instant.now());
		String out = runImport();
		assertThat(out).startsWith("jobs/ 中的文件有误,本次不导入任何文件 (form, rules or indicators invalid, nothing imported): "
				+ "规则文件 9-local.yaml 中的规则 Z02:");
		assertThat(file).exists();
		assertThat(jdbc.sql("select count(*) from inbox_file").query(Integer.class).single()).isZero();
	}

	@Test
	void writesAFeedbackWorkbookWithMarkedCellsAndTheFindingsSheet() throws Exception {
		Figures figures = withFirstGradeClassesOf(58);
		long[] first = figures.students.get(Grade.G1);
		first[2] = first[1] + 1;
		put("a.xlsx", SubmissionWorkbook.of(SCHOOL, H1, figures).bytes(), Instant.now());
		runImport();
		Path feedback = feedback(SCHOOL);
		try (InputStream in = Files.newInputStream(feedback); Workbook wb = WorkbookFactory.create(in)) {
			Cell female = wb.getSheet("学生").getRow(1).getCell(3);
			assertThat(female.getCellStyle().getFillForegroundColor()).isEqualTo(IndexedColors.RED.getIndex());
			assertThat(female.getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
			assertThat(female.getCellComment().getString().getString())
				.isEqualTo("S02 错误:「一年级」行其中女生" + first[2] + "人,多于在校生" + first[1] + "人");
			Cell students = wb.getSheet("学生").getRow(1).getCell(2);
			assertThat(students.getCellStyle().getFillForegroundColor()).isEqualTo(IndexedColors.YELLOW.getIndex());
			assertThat(students.getCellComment().getString().getString()).isEqualTo("S04 警告:「一年级」平均班额58人,超过55人(大班额)");
			Sheet results = wb.getSheet("审核结果");
			assertThat(wb.getSheetIndex("审核结果")).as("the 回执 opens on its findings").isZero();
			assertThat(wb.getActiveSheetIndex()).isZero();
			assertThat(row(results.getRow(4))).containsExactly("共2条：错误1条，警告1条");
			assertThat(row(results.getRow(3))).containsExactly("审核结论：退回。请按下表更正全部错误后重新报送；原文件不入库。");
			assertThat(row(results.getRow(5))).containsExactly("序号", "规则", "级别", "单元格", "问题描述", "涉及数值", "说明(警告可填写说明)",
					"状态");
			assertThat(row(results.getRow(6))).containsExactly("1", "S02", "错误", "学生!D2",
					"「一年级」行其中女生" + first[2] + "人,多于在校生" + first[1] + "人", "其中:女" + first[2] + "人,在校生数" + first[1] + "人",
					"", "须更正后重新报送");
			assertThat(row(results.getRow(7))).containsExactly("2", "S04", "警告", "学生!C2", "「一年级」平均班额58人,超过55人(大班额)",
					"在校生数" + first[1] + "人,班数" + first[0] + "个", "", "请核实,如属实请填写说明");
			assertThat(results.getPrintSetup().getLandscape()).isTrue();
			assertThat(results.getPrintSetup().getScale()).as("one page wide, never under 8 pt")
				.isBetween((short) 73, (short) 100);
		}
	}

	@Test
	void aWarningExplainedInTheReturnedFeedbackWorkbookIsMarkedExplained() throws Exception {
		Figures figures = withFirstGradeClassesOf(58);
		long[] first = figures.students.get(Grade.G1);
		put("a.xlsx", SubmissionWorkbook.of(SCHOOL, H1, figures).bytes(), Instant.parse("2024-01-01T00:00:00Z"));
		runImport();
		Path feedback = feedback(SCHOOL);
		Path answered = ROOT.resolve("answered.xlsx");
		try (InputStream in = Files.newInputStream(feedback);
				Workbook wb = WorkbookFactory.create(in);
				OutputStream out = Files.newOutputStream(answered)) {
			wb.getSheet("审核结果").getRow(6).getCell(6).setCellValue("一年级为寄宿制实验班,经教育局批准");
			wb.write(out);
		}
		put("回执/答复.xlsx", Files.readAllBytes(answered), Instant.parse("2024-02-01T00:00:00Z"));
		runImport();
		Map<String, Object> finding = jdbc.sql("""
				select d.code, d.explanation, f.status from finding d join inbox_file f on f.id = d.file_id
				where f.received_path = '回执/答复.xlsx'""").query().singleRow();
		assertThat(finding).containsEntry("CODE", "S04")
			.containsEntry("EXPLANATION", "一年级为寄宿制实验班,经教育局批准")
			.containsEntry("STATUS", "已入库");
		Path second = feedback.resolveSibling(feedback.getFileName().toString().replace("_回执.xlsx", "_回执(2).xlsx"));
		try (InputStream in = Files.newInputStream(second); Workbook wb = WorkbookFactory.create(in)) {
			assertThat(row(wb.getSheet("审核结果").getRow(3)))
				.containsExactly("审核结论：受理（有警告）。数据已入库。请核实下表的警告，如属实请在「说明」列填写原因，保存后将本回执作为报表重新报送。");
			assertThat(row(wb.getSheet("审核结果").getRow(6))).endsWith("一年级为寄宿制实验班,经教育局批准", "已说明");
		}
		try (InputStream in = Files.newInputStream(feedback); Workbook wb = WorkbookFactory.create(in)) {
			assertThat(row(wb.getSheet("审核结果").getRow(6))).as("the first receipt is kept as it was")
				.endsWith("", "请核实,如属实请填写说明");
		}
	}

	@Test
	void listsTheSchoolsThatSentLastPeriodButNotThisOne() throws Exception {
		Period last = Period.parse("2022Y");
		put("a-2022Y.xlsx", Workbooks.submission(SCHOOL, last).bytes(), Instant.parse("2024-01-01T00:00:00Z"));
		put("b-2022Y.xlsx", Workbooks.submission(OTHER, last).bytes(), Instant.parse("2024-01-01T00:01:00Z"));
		put("a-2023H1.xlsx", Workbooks.submission(SCHOOL, H1).bytes(), Instant.parse("2024-01-01T00:02:00Z"));
		String out = runImport();
		assertThat(out).contains("Y03 上期已报送、本期未报送的学校 (警告, 2023H1): [" + OTHER.profile().district() + " "
				+ OTHER.profile().name() + "(" + OTHER.profile().id() + ")]");
	}

	@Autowired
	DryRunCommand dryRun;

	@Test
	void aDryRunPrintsTheFindingsWritesTheFeedbackAndLoadsNothing() throws Exception {
		Figures figures = Workbooks.figures(SCHOOL, H1);
		figures.conditions.put("图书", -5.0);
		Path file = Workbooks.write(ROOT.resolve("dry"), "试审.xlsx", SubmissionWorkbook.of(SCHOOL, H1, figures).bytes(),
				Instant.now());
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		int code = dryRun.run(file, new PrintStream(buffer, true, StandardCharsets.UTF_8));
		assertThat(code).isEqualTo(1);
		assertThat(buffer.toString(StandardCharsets.UTF_8))
			.contains(SCHOOL.profile().name() + " (" + SCHOOL.profile().id() + ") 2023年上半年 — 有错误,不能入库")
			.contains("  错误 | 办学条件!B6 | C02 | 「办学条件」表「图书」的「值」为负数(-5)")
			.contains("回执 (feedback workbook): " + OUTPUT.toAbsolutePath().resolve("试审/试审_回执.xlsx"));
		assertThat(OUTPUT.resolve("试审/试审_回执.xlsx")).exists();
		assertThat(file).exists();
		assertThat(jdbc.sql("select count(*) from inbox_file").query(Integer.class).single()).isZero();
	}

	/** The school's figures with 一年级 at the given number of pupils per class. */
	private static Figures withFirstGradeClassesOf(int pupils) {
		Figures figures = Workbooks.figures(SCHOOL, H1);
		long[] first = figures.students.get(Grade.G1);
		first[1] = first[0] * pupils;
		return figures;
	}

	private Path feedback(DemoSchool school) {
		return OUTPUT.resolve("回执/2023H1")
			.resolve(school.profile().district().value())
			.resolve(school.profile().name() + "_2023H1_回执.xlsx");
	}

	private static List<String> row(Row row) {
		List<String> values = new ArrayList<>();
		for (int c = 0; c < row.getLastCellNum(); c++) {
			Cell cell = row.getCell(c);
			values.add(cell == null ? "" : new DataFormatter().formatCellValue(cell));
		}
		return values;
	}

	private List<String> codes() {
		return jdbc.sql("select code from finding").query(String.class).list();
	}

	private String runImport() throws Exception {
		return ImportJobIntegrationTestsSupport.runImport(importCommand);
	}

	private Path put(String path, byte[] bytes, Instant modified) {
		return Workbooks.write(INBOX, path, bytes, modified);
	}

}
