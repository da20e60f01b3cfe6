package org.edustat.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.edustat.cli.ImportCommand;
import org.edustat.core.Period;
import org.edustat.demo.DemoSchool;
import org.edustat.demo.Mess;
import org.edustat.demo.ReferenceWorkbooks;
import org.edustat.demo.Roster;
import org.edustat.ledger.FileStatus;
import org.edustat.ledger.Ledger;
import org.edustat.ledger.LedgerReadings;
import org.edustat.testing.Workbooks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The postgres profile on a real PostgreSQL server (started by .ci/run; URL in
 * EDUSTAT_TEST_POSTGRES_URL): Flyway's migrations, the job repository, the ledger,
 * loading and superseding, findings, history look-ups, aggregation and a report. Skipped
 * on a machine without the server; .ci/run starts one and checks that these tests ran.
 */
@SpringBootTest
@ActiveProfiles("postgres")
@EnabledIfEnvironmentVariable(named = "EDUSTAT_TEST_POSTGRES_URL", matches = ".+",
		disabledReason = "no PostgreSQL server for this run (.ci/run starts one and sets EDUSTAT_TEST_POSTGRES_URL)")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresIntegrationTests {

	static final String URL = System.getenv("EDUSTAT_TEST_POSTGRES_URL");

	static final Path ROOT = ImportJobIntegrationTestsSupport.tempRoot("edustat-postgres");

	static final List<DemoSchool> SCHOOLS = Roster.schools(3, Workbooks.SEED);

	static final Period H1 = Period.parse("2023H1");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws Exception {
		try (Connection c = DriverManager.getConnection(URL, "edustat", "edustat"); Statement s = c.createStatement()) {
			s.execute("drop schema if exists public cascade");
			s.execute("create schema public");
		}
		registry.add("spring.datasource.url", () -> URL);
		registry.add("spring.datasource.username", () -> "edustat");
		registry.add("spring.datasource.password", () -> "edustat");
		registry.add("edustat.intake.inbox", () -> ROOT.resolve("input").toString());
		registry.add("edustat.intake.archive", () -> ROOT.resolve("archive").toString());
		registry.add("edustat.reports.output", () -> ROOT.resolve("output").toString());
	}

	@Autowired
	ImportCommand importCommand;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Ledger ledger;

	@Autowired
	LedgerReadings readings;

	String out;

	@BeforeAll
	void importOnPostgres() throws Exception {
		FileSystemUtils.deleteRecursively(ROOT.resolve("input"));
		Instant t = Instant.parse("2024-01-01T00:00:00Z");
		put("ref/区县.xlsx", ReferenceWorkbooks.districts(Roster.DISTRICTS), t);
		put("ref/学校名录.xlsx", ReferenceWorkbooks.registry(SCHOOLS, List.of()), t);
		put("ref/年度目标.xlsx", ReferenceWorkbooks.targets(List.of(List.of(2023, Roster.CITY.value(), "students", 2000))),
				t);
		int minute = 1;
		for (Period period : List.of(Period.parse("2022H1"), H1)) {
			for (DemoSchool school : SCHOOLS) {
				put(period.code() + "/" + school.profile().id() + ".xlsx", Workbooks.submission(school, period).bytes(),
						t.plusSeconds(60L * minute++));
			}
		}
		byte[] resent = Workbooks.submission(SCHOOLS.get(0), H1).mess(Mess.TITLE_ROWS).bytes();
		put("again/resent.xlsx", resent, t.plusSeconds(60L * minute++));
		put("again/copy.xlsx", resent, t.plusSeconds(60L * minute++));
		put("bad.xlsx",
				Workbooks.submission(SCHOOLS.get(1), H1)
					.tamper(wb -> wb.getSheet("学生").getRow(1).getCell(3).setCellValue(100_000))
					.bytes(),
				t.plusSeconds(60L * minute++));
		out = ImportJobIntegrationTestsSupport.runImport(importCommand);
	}

	@Test
	void migratesAndKeepsTheJobRepositoryInPostgres() {
		assertThat(jdbc.sql("select status from batch_job_execution").query(String.class).list())
			.containsExactly("COMPLETED");
		long migrations;
		try (var common = Files.list(Path.of("src/main/resources/db/migration"));
				var vendor = Files.list(Path.of("src/main/resources/db/vendor/postgresql"))) {
			migrations = common.count() + vendor.count();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Long.class).single())
			.isEqualTo(migrations);
		assertThat(jdbc.sql("select count(*) from flyway_schema_history where not success").query(Long.class).single())
			.isZero();
	}

	@Test
	void recordsEveryFileInTheLedger() {
		assertThat(readings.search(null, null, null, FileStatus.LOADED, 100)).hasSize(3 + 6);
		assertThat(readings.search(null, null, null, FileStatus.SUPERSEDED, 100)).extracting(e -> e.receivedPath())
			.containsExactly("2023H1/" + SCHOOLS.get(0).profile().id() + ".xlsx");
		assertThat(readings.search(null, null, null, FileStatus.DUPLICATE, 100)).extracting(e -> e.receivedPath())
			.containsExactly("again/copy.xlsx");
		assertThat(readings.search("2023H1", null, null, FileStatus.REJECTED, 100)).extracting(e -> e.receivedPath())
			.containsExactly("bad.xlsx");
		assertThat(out).contains("2023H1: 已入库 3, 已替换 1, 重复 1, 已退回 1");
	}

	@Test
	void loadsTheFiguresAndTheFindings() {
		DemoSchool school = SCHOOLS.get(2);
		BigDecimal students = jdbc
			.sql("select val from submission_value where school_id = ? and period = '2023H1' "
					+ "and sheet = '学生' and row_key = '合计' and column_key = '在校生数'")
			.param(school.profile().id().value())
			.query(BigDecimal.class)
			.single();
		assertThat(students).isEqualByComparingTo(BigDecimal.valueOf(Workbooks.figures(school, H1).studentTotal()[1]));
		assertThat(jdbc.sql("select code || ' ' || cell from finding where severity = '错误'").query(String.class).list())
			.contains("S02 学生!D2");
	}

	@Test
	void writesTheReportFromPostgres() throws Exception {
		long students = SCHOOLS.stream().mapToLong(s -> Workbooks.figures(s, H1).studentTotal()[1]).sum();
		try (InputStream in = Files.newInputStream(ROOT.resolve("output/2023H1 半年报.xlsx"));
				Workbook wb = WorkbookFactory.create(in)) {
			boolean found = false;
			for (Row row : wb.getSheet("明细数据")) {
				if (Roster.CITY.value().equals(row.getCell(0).getStringCellValue())
						&& "students".equals(row.getCell(2).getStringCellValue()) && row.getCell(5) == null) {
					assertThat(row.getCell(7).getNumericCellValue()).isEqualTo(students);
					assertThat(row.getCell(14).getNumericCellValue()).isEqualTo(2000.0);
					found = true;
				}
			}
			assertThat(found).isTrue();
		}
	}

	private static void put(String path, byte[] bytes, Instant modified) {
		Workbooks.write(ROOT.resolve("input"), path, bytes, modified);
	}

}
