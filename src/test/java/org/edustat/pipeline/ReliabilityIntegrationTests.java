package org.edustat.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.edustat.cli.ImportCommand;
import org.edustat.core.Finding;
import org.edustat.core.SchoolType;
import org.edustat.demo.DemoSchool;
import org.edustat.demo.SubmissionWorkbook;
import org.edustat.ledger.FindingStore;
import org.edustat.testing.Workbooks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;

/**
 * No single file stops a run or escapes its folder: quarantine, limits, long names,
 * symlinks, names used as paths.
 */
@SpringBootTest
class ReliabilityIntegrationTests {

	static final Path ROOT = ImportJobIntegrationTestsSupport.tempRoot("edustat-reliability");

	static final Path INBOX = ROOT.resolve("input");

	static final Path OUTPUT = ROOT.resolve("output");

	static final DemoSchool PRIMARY = Workbooks.school(SchoolType.PRIMARY);

	static final DemoSchool NINE_YEAR = Workbooks.school(SchoolType.NINE_YEAR);

	static final DemoSchool JUNIOR = Workbooks.school(SchoolType.JUNIOR);

	static final DemoSchool KINDERGARTEN = Workbooks.school(SchoolType.KINDERGARTEN);

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ImportJobIntegrationTestsSupport.folders(registry, ROOT, "reliability-tests");
	}

	@Autowired
	ImportCommand importCommand;

	@Autowired
	JdbcClient jdbc;

	@MockitoSpyBean
	FindingStore findings;

	@BeforeEach
	void freshFolders() throws IOException {
		Mockito.reset(findings);
		ImportJobIntegrationTestsSupport.startFromNothing(jdbc, ROOT);
	}

	@Test
	void aFileThatCannotBeRecordedIsQuarantinedAndTheRestOfItsChunkLoads() throws Exception {
		String failing = NINE_YEAR.profile().id().value();
		doThrow(new IllegalStateException("injected failure 联系电话 13900001234")).when(findings)
			.insert(anyLong(), eq(failing), any(),
					argThat((List<Finding> list) -> list.stream().noneMatch(f -> f.code().equals("Q01"))), anyMap());
		Instant t = Instant.parse("2024-01-01T00:00:00Z");
		for (DemoSchool school : List.of(PRIMARY, NINE_YEAR, JUNIOR, KINDERGARTEN)) {
			put(school.profile().id() + ".xlsx", Workbooks.submission(school, Workbooks.H1_2023).bytes(), t);
			t = t.plusSeconds(60);
		}
		String out = runImport();
		assertThat(out).contains("状态 COMPLETED").contains("已入库 3").contains("已退回 1");
		assertThat(jdbc.sql("select school_id from submission order by school_id").query(String.class).list())
			.containsExactlyInAnyOrder(PRIMARY.profile().id().value(), JUNIOR.profile().id().value(),
					KINDERGARTEN.profile().id().value());
		Map<String, Object> quarantined = jdbc
			.sql("""
					select f.status, f.school_id, f.archive_path, d.code, d.message from inbox_file f join finding d on d.file_id = f.id
					where f.received_path = ?""")
			.param(failing + ".xlsx")
			.query()
			.singleRow();
		assertThat(quarantined).containsEntry("STATUS", "已退回")
			.containsEntry("SCHOOL_ID", failing)
			.containsEntry("CODE", "Q01")
			.containsEntry("MESSAGE", "文件未能入库(系统处理时出错),原件已保存,请联系教育局统计人员");
		assertThat(ROOT.resolve("archive").resolve((String) quarantined.get("ARCHIVE_PATH"))).exists();
		assertThat(inboxFiles()).isEmpty();
		assertThat(jdbc.sql("select count(*) from inbox_file").query(Integer.class).single()).isEqualTo(4);
	}

	@Test
	void textsAndNumbersBeyondTheFormsLimitsAreRefusedAtTheirCellAndTheControlLoads() throws Exception {
		put("a-phone.xlsx", Workbooks.submission(PRIMARY, Workbooks.H1_2023).basic("联系电话", "1".repeat(55)).bytes(),
				Instant.now());
		put("b-number.xlsx",
				Workbooks.submission(NINE_YEAR, Workbooks.H1_2023)
					.tamper(wb -> wb.getSheet("学生").getRow(1).getCell(1).setCellValue("123456789012345678"))
					.bytes(),
				Instant.now());
		put("c-exponent.xlsx",
				Workbooks.submission(JUNIOR, Workbooks.H1_2023)
					.tamper(wb -> wb.getSheet("教职工").getRow(1).getCell(1).setCellValue(1e308))
					.bytes(),
				Instant.now());
		put("d-control.xlsx", Workbooks.submission(KINDERGARTEN, Workbooks.H1_2023).bytes(), Instant.now());
		String out = runImport();
		assertThat(out).contains("状态 COMPLETED");
		assertThat(jdbc.sql(
				"select d.code || ' ' || d.cell || ' ' || d.message from finding d join inbox_file f on f.id = d.file_id "
						+ "where f.status = '已退回' order by f.received_path")
			.query(String.class)
			.list()).containsExactly("N07 基本情况!B10 「联系电话」超过50个字",
					"N04 学生!B2 「一年级」行「班数」列:「123456789012345678」超出允许的范围(绝对值不超过1000000000000)",
					"N04 教职工!B2 「专任教师」行「人数」列:「100000000000…(309位)」超出允许的范围(绝对值不超过1000000000000)");
		assertThat(out).doesNotContain("1".repeat(55));
		assertThat(jdbc.sql("select school_id from submission").query(String.class).list())
			.containsExactly(KINDERGARTEN.profile().id().value());
	}

	@Test
	void aFileNameAsLongAsTheFileSystemAllowsIsRecordedAndArchived() throws Exception {
		String name = "很".repeat(80) + ".xlsx";
		assertThat(name.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(240);
		put(name, Workbooks.submission(PRIMARY, Workbooks.H1_2023).bytes(), Instant.now());
		runImport();
		Map<String, Object> entry = jdbc.sql("select status, archive_path, file_name from inbox_file")
			.query()
			.singleRow();
		assertThat(entry).containsEntry("STATUS", "已入库").containsEntry("FILE_NAME", name);
		assertThat(ROOT.resolve("archive").resolve((String) entry.get("ARCHIVE_PATH"))).exists();
	}

	@Test
	void aSymlinkInTheInboxIsArchivedAsTheBytesItPointsTo() throws Exception {
		Path target = Workbooks.write(ROOT.resolve("elsewhere"), "real.xlsx",
				Workbooks.submission(PRIMARY, Workbooks.H1_2023).bytes(), Instant.now());
		Files.createSymbolicLink(INBOX.resolve("link.xlsx"), target);
		runImport();
		String archived = jdbc.sql("select archive_path from inbox_file").query(String.class).single();
		Path copy = ROOT.resolve("archive").resolve(archived);
		assertThat(Files.isSymbolicLink(copy)).isFalse();
		assertThat(Files.readAllBytes(copy)).isEqualTo(Files.readAllBytes(target));
	}

	@Test
	void aSchoolNameWithPathCharactersWritesItsFeedbackUnderTheFeedbackFolderOnly() throws Exception {
		put("trick.xlsx",
				Workbooks.submission(PRIMARY, Workbooks.H1_2023)
					.basic("学校名称", "../../../伪造报表")
					.tamper(wb -> wb.getSheet("学生").getRow(1).getCell(2).setCellValue("约三十"))
					.bytes(),
				Instant.now());
		runImport();
		try (Stream<Path> written = Files.walk(ROOT)) {
			assertThat(written.filter(Files::isRegularFile).map(Path::toString).filter(p -> p.contains("伪造报表")))
				.singleElement()
				.satisfies(p -> assertThat(Path.of(p).normalize()).startsWith(OUTPUT.resolve("回执")));
		}
		assertThat(Files.exists(OUTPUT.resolve("伪造报表_2023H1_回执.xlsx"))).isFalse();
	}

	@Test
	void reportsLeftUnwrittenByAKillInTheReportsStepAreWrittenByTheNextRun() throws Exception {
		put("a.xlsx", Workbooks.submission(PRIMARY, Workbooks.H1_2023).bytes(), Instant.now());
		runImport();
		Path report = OUTPUT.resolve("2023H1 半年报.xlsx");
		assertThat(report).exists();
		assertThat(runImport()).contains("没有新文件,无需导入");
		// the state a kill during the reports step leaves: the files recorded, the
		// reports not written
		Files.delete(report);
		jdbc.sql("delete from report_mark").update();
		jdbc.sql("delete from report_value").update();
		String out = runImport();
		assertThat(out).doesNotContain("无需导入").contains("报表 (reports)");
		assertThat(report).exists();
		assertThat(jdbc.sql("select count(*) from report_value where period = '2023H1'").query(Integer.class).single())
			.isPositive();
		assertThat(runImport()).contains("没有新文件,无需导入");
	}

	@Test
	void personalItemsAreBlankedInTheFeedbackWorkbookHoweverTheirLabelIsWritten() throws Exception {
		put("a.xlsx",
				Workbooks.submission(PRIMARY, Workbooks.H1_2023)
					.basic("填报人", SubmissionWorkbook.Dropped.ROW)
					.basic("联系电话", SubmissionWorkbook.Dropped.ROW)
					.basic("填报人(签名)", "王老师")
					.basic("联系电话(手机)", "13912345678")
					.tamper(wb -> wb.getSheet("学生").getRow(1).getCell(2).setCellValue("约三十"))
					.bytes(),
				Instant.now());
		String out = runImport();
		assertThat(jdbc.sql("select status from inbox_file").query(String.class).single()).isEqualTo("已退回");
		Path feedback;
		try (Stream<Path> files = Files.walk(OUTPUT.resolve("回执"))) {
			feedback = files.filter(Files::isRegularFile).findFirst().orElseThrow();
		}
		try (var in = Files.newInputStream(feedback); var wb = WorkbookFactory.create(in)) {
			List<String> texts = new ArrayList<>();
			wb.getSheet("基本情况").forEach(row -> row.forEach(cell -> texts.add(cell.toString())));
			assertThat(texts).contains("填报人(签名)", "联系电话(手机)").doesNotContain("王老师", "13912345678");
		}
		assertThat(out).doesNotContain("13912345678").doesNotContain("王老师");
	}

	@Test
	void aFileThatLeftTheInboxBeforeItsClearedMarkCommittedIsMarkedByTheNextRun() throws Exception {
		put("a.xlsx", Workbooks.submission(PRIMARY, Workbooks.H1_2023).bytes(), Instant.now());
		runImport();
		// the state a kill between emptying the inbox and marking the entry leaves
		jdbc.sql("update inbox_file set inbox_cleared = false").update();
		assertThat(runImport()).contains("没有新文件,无需导入");
		assertThat(jdbc.sql("select inbox_cleared from inbox_file").query(Boolean.class).single()).isTrue();
	}

	private List<Path> inboxFiles() throws IOException {
		try (Stream<Path> files = Files.walk(INBOX)) {
			return files.filter(Files::isRegularFile).toList();
		}
	}

	private static void put(String path, byte[] bytes, Instant modified) {
		Workbooks.write(INBOX, path, bytes, modified);
	}

	private String runImport() throws Exception {
		return ImportJobIntegrationTestsSupport.runImport(importCommand);
	}

}
