package org.edustat.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.assertj.core.groups.Tuple;
import org.edustat.cli.ImportCommand;
import org.edustat.core.District;
import org.edustat.core.DistrictCode;
import org.edustat.core.FileFormat;
import org.edustat.core.Period;
import org.edustat.core.SchoolType;
import org.edustat.demo.DemoSchool;
import org.edustat.demo.HostileFiles;
import org.edustat.demo.ReferenceWorkbooks;
import org.edustat.demo.Roster;
import org.edustat.demo.SubmissionWorkbook;
import org.edustat.intake.Archive;
import org.edustat.ledger.FileStatus;
import org.edustat.ledger.Ledger;
import org.edustat.ledger.LedgerEntry;
import org.edustat.ledger.LedgerReadings;
import org.edustat.testing.Workbooks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class ImportJobIntegrationTests {

	static final Path ROOT = createRoot();

	static final Path INBOX = ROOT.resolve("input");

	static final DemoSchool PRIMARY = Workbooks.school(SchoolType.PRIMARY);

	static final DemoSchool KINDERGARTEN = Workbooks.school(SchoolType.KINDERGARTEN);

	static final Period H1 = Workbooks.H1_2023;

	static final Instant T0 = Instant.parse("2024-03-01T08:00:00Z");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:import-tests;DB_CLOSE_DELAY=-1");
		registry.add("edustat.intake.inbox", INBOX::toString);
		registry.add("edustat.intake.archive", () -> ROOT.resolve("archive").toString());
	}

	@Autowired
	ImportCommand importCommand;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Archive archive;

	@BeforeEach
	void emptyInboxAndTables() throws IOException {
		FileSystemUtils.deleteRecursively(INBOX);
		FileSystemUtils.deleteRecursively(archive.root());
		Files.createDirectories(INBOX);
		for (String table : List.of("finding", "submission_figures", "submission", "inbox_file", "school_registry",
				"annual_target")) {
			jdbc.sql("delete from " + table).update();
		}
	}

	@Autowired
	RunProgress runProgress;

	@Test
	void reportsTheProgressOfTheSubmissionsStepChunkByChunk() throws Exception {
		List<DemoSchool> schools = Roster.schools(25, Workbooks.SEED);
		for (int i = 0; i < schools.size(); i++) {
			put("清源区/" + i + ".xlsx", Workbooks.submission(schools.get(i), H1).bytes(), T0.plusSeconds(i));
		}
		runImport();
		long run = jdbc.sql("select max(job_execution_id) from batch_job_execution").query(Long.class).single();
		RunProgress.Snapshot last = runProgress.of(run);
		assertThat(last.step()).as("the last step whose chunks were counted").isEqualTo("submissions");
		assertThat(last.total()).isEqualTo(25);
		assertThat(last.ended()).isTrue();
		assertThat(jdbc.sql("select count(*) from inbox_file where inbox_cleared").query(Integer.class).single())
			.as("each entry marked once its file left the inbox: the first chunk's with the second chunk, "
					+ "the last chunk's when the step ends")
			.isEqualTo(25);
		assertThat(INBOX.resolve("清源区")).isEmptyDirectory();
	}

	@Test
	void loadsASubmissionKeepsItsBytesAndEmptiesTheInbox() throws Exception {
		byte[] bytes = Workbooks.submission(PRIMARY, H1).bytes();
		put("清源区/一小.xlsx", bytes, T0);
		String out = runImport();
		assertThat(out).contains("2023H1: 已入库 1, 已替换 0, 重复 0, 已退回 0");
		assertThat(value(PRIMARY, "学生", "合计", "在校生数"))
			.isEqualByComparingTo(BigDecimal.valueOf(Workbooks.figures(PRIMARY, H1).studentTotal()[1]));
		Map<String, Object> entry = jdbc.sql("select * from inbox_file").query().singleRow();
		assertThat(entry).containsEntry("STATUS", "已入库")
			.containsEntry("SCHOOL_ID", PRIMARY.profile().id().value())
			.containsEntry("PERIOD", "2023H1")
			.containsEntry("RECEIVED_PATH", "清源区/一小.xlsx")
			.containsEntry("INBOX_CLEARED", true);
		assertThat(Files.readAllBytes(archive.resolve((String) entry.get("ARCHIVE_PATH")))).isEqualTo(bytes);
		assertThat((String) entry.get("ARCHIVE_PATH"))
			.startsWith("2023H1/" + PRIMARY.profile().district().value() + "/");
		assertThat(INBOX.resolve("清源区/一小.xlsx")).doesNotExist();
	}

	static Stream<Arguments> rejections() {
		Supplier<SubmissionWorkbook> good = () -> Workbooks.submission(KINDERGARTEN, H1);
		return Stream.of(
				Arguments.of("not a spreadsheet", (Supplier<byte[]>) HostileFiles::notASpreadsheet, "F01", "",
						"不是Excel工作簿(.xlsx/.xls),文件内容为PDF"),
				Arguments.of("truncated", (Supplier<byte[]>) () -> HostileFiles.truncated(good.get().bytes()), "F02",
						"", "文件已损坏或不完整,无法作为Excel工作簿读取"),
				Arguments.of("encrypted xlsx",
						(Supplier<byte[]>) () -> HostileFiles.encryptedXlsx(good.get().bytes(), "pw"), "F03", "",
						"文件有密码保护,无法读取,请去除密码后重新报送"),
				Arguments.of("encrypted xls",
						(Supplier<byte[]>) () -> HostileFiles.encryptedXls(good.get().format(FileFormat.XLS).bytes(),
								"pw"),
						"F03", "", "文件有密码保护,无法读取,请去除密码后重新报送"),
				Arguments.of("zip bomb", (Supplier<byte[]>) () -> HostileFiles.zipBomb(50), "F04", "",
						"文件解压后大小异常(疑似压缩炸弹),拒绝读取"),
				Arguments.of("absurd sheet", (Supplier<byte[]>) () -> good.get().tamper(wb -> {
					var sheet = wb.getSheet("学生");
					for (int r = 20; r < 2_100; r++) {
						sheet.createRow(r).createCell(0).setCellValue("备注" + r);
					}
				}).bytes(), "F06", "学生", "工作表「学生」超过2000行(列),不是学校统计报表的规模"),
				Arguments.of("missing 基本情况",
						(Supplier<byte[]>) () -> good.get()
							.tamper(wb -> wb.removeSheetAt(wb.getSheetIndex("基本情况")))
							.bytes(),
						"B01", "", "缺少工作表「基本情况」,无法识别学校和统计期"),
				Arguments.of("invalid 学校标识码", (Supplier<byte[]>) () -> good.get().basic("学校标识码", "39910").bytes(),
						"B02", "基本情况!B2", "学校标识码须为10位数字,而非「39910」"),
				Arguments.of("unknown 行政区划代码", (Supplier<byte[]>) () -> good.get().basic("行政区划代码", "990199").bytes(),
						"B03", "基本情况!B4", "行政区划代码990199不是本局所辖区县"),
				Arguments.of("unreadable 统计期", (Supplier<byte[]>) () -> good.get().basic("统计期", "去年").bytes(), "B04",
						"基本情况!B8", "无法识别的统计期「去年」"),
				Arguments.of("missing sheet 教职工",
						(Supplier<byte[]>) () -> good.get()
							.tamper(wb -> wb.removeSheetAt(wb.getSheetIndex("教职工")))
							.bytes(),
						"N01", "", "缺少工作表「教职工」"),
				Arguments.of("missing column",
						(Supplier<byte[]>) () -> good.get()
							.tamper(wb -> wb.getSheet("学生").getRow(0).getCell(6).setCellValue("备注"))
							.bytes(),
						"N02", "学生!A1", "工作表「学生」缺少列「本期招生」;未识别的列「备注」(学生!G1)"),
				Arguments.of("missing 合计 row",
						(Supplier<byte[]>) () -> good.get()
							.tamper(wb -> wb.getSheet("学生").removeRow(wb.getSheet("学生").getRow(4)))
							.bytes(),
						"N03", "学生", "工作表「学生」缺少「合计」行"),
				Arguments.of("text in a number cell",
						(Supplier<byte[]>) () -> good.get()
							.tamper(wb -> wb.getSheet("学生").getRow(1).getCell(2).setCellValue("约三十"))
							.bytes(),
						"N04", "学生!C2", "「小班」行「在校生数」列:「约三十」不是数字"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rejections")
	void rejectsWithFileSheetCellAndReasonAndGoesOnWithTheNextFile(String scenario, Supplier<byte[]> bytes, String code,
			String cell, String message) throws Exception {
		put("待核对/bad.xlsx", bytes.get(), T0);
		put("清源区/good.xlsx", Workbooks.submission(PRIMARY, H1).bytes(), T0.plusSeconds(60));
		String out = runImport();
		Map<String, Object> finding = jdbc.sql(
				"select d.code, d.cell, d.message, f.status, f.received_path, f.archive_path from finding d join inbox_file f on f.id = d.file_id")
			.query()
			.singleRow();
		assertThat(finding).containsEntry("CODE", code)
			.containsEntry("CELL", cell)
			.containsEntry("MESSAGE", message)
			.containsEntry("STATUS", "已退回")
			.containsEntry("RECEIVED_PATH", "待核对/bad.xlsx");
		assertThat(archive.resolve((String) finding.get("ARCHIVE_PATH"))).exists();
		assertThat(out).containsPattern(Pattern.quote("待核对/bad.xlsx") + "( — [^|\\n]*)? \\| "
				+ Pattern.quote((cell.isEmpty() ? "(整个文件)" : cell) + " | " + code + " | " + message));
		assertThat(jdbc.sql("select count(*) from submission").query(Integer.class).single()).isEqualTo(1);
		assertThat(Files.list(INBOX.resolve("待核对"))).isEmpty();
	}

	@Test
	void newerSubmissionOfTheSameSchoolAndPeriodSupersedesTheOlder() throws Exception {
		SubmissionWorkbook original = Workbooks.submission(PRIMARY, H1);
		var corrected = Workbooks.figures(PRIMARY, H1);
		corrected.conditions.put("图书", 99_999.0);
		put("b/更正.xlsx", SubmissionWorkbook.of(PRIMARY, H1, corrected).bytes(), T0.plusSeconds(3600));
		put("a/原报.xlsx", original.bytes(), T0);
		runImport();
		assertThat(value(PRIMARY, "办学条件", "图书", "值")).isEqualByComparingTo("99999");
		assertThat(statuses()).containsExactly(List.of("a/原报.xlsx", "已替换", "b/更正.xlsx"),
				Arrays.asList("b/更正.xlsx", "已入库", null));
	}

	@Test
	void anOlderFileArrivingLaterIsSupersededAtOnceAndChangesNothing() throws Exception {
		var newer = Workbooks.figures(PRIMARY, H1);
		newer.conditions.put("图书", 88_888.0);
		put("newer.xlsx", SubmissionWorkbook.of(PRIMARY, H1, newer).bytes(), T0.plusSeconds(3600));
		runImport();
		put("older.xlsx", Workbooks.submission(PRIMARY, H1).bytes(), T0);
		runImport();
		assertThat(value(PRIMARY, "办学条件", "图书", "值")).isEqualByComparingTo("88888");
		assertThat(statuses()).containsExactly(Arrays.asList("newer.xlsx", "已入库", null),
				List.of("older.xlsx", "已替换", "newer.xlsx"));
	}

	@Test
	void theSameBytesTwiceAreADuplicateLoadedOnce() throws Exception {
		byte[] bytes = Workbooks.submission(PRIMARY, H1).bytes();
		put("first.xlsx", bytes, T0);
		put("again/copy.xlsx", bytes, T0.plusSeconds(60));
		String out = runImport();
		assertThat(statuses()).containsExactly(Arrays.asList("first.xlsx", "已入库", null),
				Arrays.asList("again/copy.xlsx", "重复", null));
		assertThat(out).contains("2023H1: 已入库 1, 已替换 0, 重复 1, 已退回 0");
		put("later/third.xlsx", bytes, T0.plusSeconds(120));
		runImport();
		assertThat(jdbc.sql("select count(*) from inbox_file where status = '重复'").query(Integer.class).single())
			.isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from submission").query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void aSecondRunFindsNothingNewAndChangesNothing() throws Exception {
		put("x.xlsx", Workbooks.submission(PRIMARY, H1).bytes(), T0);
		runImport();
		List<Map<String, Object>> before = jdbc
			.sql("select * from submission_value order by row_key, column_key, sheet")
			.query()
			.listOfRows();
		String out = runImport();
		assertThat(out).contains("中没有新文件,无需导入");
		assertThat(jdbc.sql("select * from submission_value order by row_key, column_key, sheet").query().listOfRows())
			.isEqualTo(before);
		assertThat(jdbc.sql("select count(*) from inbox_file").query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void appliesReferenceWorkbooksBeforeTheSubmissionsOfTheSameRun() throws Exception {
		var districts = new ArrayList<>(Roster.DISTRICTS);
		districts.add(new District(new DistrictCode("990123"), "新区", Roster.CITY));
		put("a-submission.xlsx", Workbooks.submission(PRIMARY, H1).basic("行政区划代码", "990123").bytes(), T0);
		put("z-reference/区县.xlsx", ReferenceWorkbooks.districts(districts), T0.plusSeconds(600));
		put("z-reference/学校名录.xlsx", ReferenceWorkbooks.registry(List.of(PRIMARY, KINDERGARTEN), List.of()),
				T0.plusSeconds(600));
		runImport();
		// 990123 was known when the workbook was read (else B03 refused it); the school
		// is filed under the 区县 the
		// 学校名录 of the same run gives it, the workbook's other code an X04 warning
		assertThat(jdbc.sql("select status from inbox_file where received_path = 'a-submission.xlsx'")
			.query(String.class)
			.single()).isEqualTo("已入库");
		assertThat(jdbc.sql("select district_code from submission").query(String.class).single())
			.isEqualTo(PRIMARY.profile().district().value());
		assertThat(jdbc.sql("select count(*) from finding where code = 'X04'").query(Integer.class).single())
			.isPositive();
		assertThat(jdbc.sql("select count(*) from school_registry").query(Integer.class).single()).isEqualTo(2);
		assertThat(jdbc.sql("select name from district where code = '990123'").query(String.class).single())
			.isEqualTo("新区");
		jdbc.sql("delete from district").update();
	}

	@Test
	void finishesAFileLeftInTheInboxByACrashWithoutASecondLedgerEntry() throws Exception {
		byte[] bytes = Workbooks.submission(PRIMARY, H1).bytes();
		put("crash.xlsx", bytes, T0);
		runImport();
		// as if the process died after the ledger committed and before the file left the
		// inbox
		put("crash.xlsx", bytes, T0);
		jdbc.sql("update inbox_file set inbox_cleared = false").update();
		runImport();
		assertThat(statuses()).containsExactly(Arrays.asList("crash.xlsx", "已入库", null));
		assertThat(jdbc.sql("select inbox_cleared from inbox_file").query(Boolean.class).single()).isTrue();
		assertThat(INBOX.resolve("crash.xlsx")).doesNotExist();
	}

	@Autowired
	Ledger ledger;

	@Autowired
	LedgerReadings readings;

	@Test
	void theLedgerIsSearchedByPeriodDistrictSchoolAndStatus() throws Exception {
		put("a.xlsx", Workbooks.submission(PRIMARY, H1).bytes(), T0);
		put("b.xlsx", Workbooks.submission(KINDERGARTEN, H1).basic("统计期", "去年").bytes(), T0.plusSeconds(60));
		put("c.xlsx", Workbooks.submission(KINDERGARTEN, Period.parse("2022Y")).bytes(), T0.plusSeconds(120));
		runImport();
		String district = PRIMARY.profile().district().value();
		assertThat(readings.search("2023H1", district, null, null, 100)).extracting(LedgerEntry::receivedPath)
			.containsExactly("a.xlsx");
		assertThat(readings.search(null, null, KINDERGARTEN.profile().name(), null, 100))
			.extracting(LedgerEntry::receivedPath)
			.containsExactlyInAnyOrder("b.xlsx", "c.xlsx");
		assertThat(readings.search(null, null, null, FileStatus.REJECTED, 100))
			.extracting(LedgerEntry::receivedPath, LedgerEntry::reason)
			.containsExactly(Tuple.tuple("b.xlsx", "无法识别的统计期「去年」"));
		assertThat(readings.search("2022Y", null, KINDERGARTEN.profile().id().value(), FileStatus.LOADED, 100))
			.hasSize(1);
	}

	private String runImport() throws Exception {
		return ImportJobIntegrationTestsSupport.runImport(importCommand);
	}

	private void put(String path, byte[] bytes, Instant modified) {
		Workbooks.write(INBOX, path, bytes, modified);
	}

	private BigDecimal value(DemoSchool school, String sheet, String row, String column) {
		return jdbc.sql(
				"select val from submission_value where school_id = ? and period = ? and sheet = ? and row_key = ? and column_key = ?")
			.params(school.profile().id().value(), H1.code(), sheet, row, column)
			.query(BigDecimal.class)
			.single();
	}

	private List<List<Object>> statuses() {
		return jdbc.sql("""
				select f.received_path, f.status, s.received_path as by_path
				from inbox_file f left join inbox_file s on s.id = f.superseded_by order by f.id""")
			.query((rs, n) -> Arrays.<Object>asList(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	private static Path createRoot() {
		try {
			return Files.createTempDirectory("edustat-import");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
