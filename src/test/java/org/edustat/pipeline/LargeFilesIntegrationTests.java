package org.edustat.pipeline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.edustat.core.FileFormat;
import org.edustat.core.SchoolType;
import org.edustat.testing.HandWorkbook;
import org.edustat.testing.Workbooks;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files as large as the limits admit, imported by the packaged application under
 * -Xmx256m: an .xls near the 20 MB file limit and an .xlsx with a hidden sheet of
 * hundreds of thousands of rows and a warning (so a 回执 is written). The run completes and
 * each file ends in one ledger status, the clean control loaded.
 */
@Tag("slow")
class LargeFilesIntegrationTests {

	@TempDir
	Path work;

	@Test
	void filesAsLargeAsTheLimitsAdmitAreHandledUnder256Megabytes() throws Exception {
		Path inbox = work.resolve("input");
		var big = Workbooks.school(SchoolType.PRIMARY);
		var hidden = Workbooks.school(SchoolType.JUNIOR);
		var control = Workbooks.school(SchoolType.KINDERGARTEN);
		byte[] xls = Workbooks.submission(big, Workbooks.H1_2023).format(FileFormat.XLS).tamper(wb -> {
			Sheet extra = wb.createSheet("附表");
			for (int r = 0; r < 65_000; r++) {
				Row row = extra.createRow(r);
				for (int c = 0; c < 15; c++) {
					row.createCell(c).setCellValue(r * 31.0 + c);
				}
			}
		}).bytes();
		assertThat(xls.length).isGreaterThan(10_000_000).isLessThan(20 * 1024 * 1024);
		Workbooks.write(inbox, "大.xls", xls, Instant.parse("2024-01-01T00:00:00Z"));
		byte[] xlsx = new HandWorkbook(hidden.profile().id().value(), hidden.profile().name(), "2023H1").largeClass()
			.hiddenRows(300_000)
			.bytes(FileFormat.XLSX);
		Workbooks.write(inbox, "隐藏.xlsx", xlsx, Instant.parse("2024-01-01T00:01:00Z"));
		Workbooks.write(inbox, "对照.xlsx", Workbooks.submission(control, Workbooks.H1_2023).bytes(),
				Instant.parse("2024-01-01T00:02:00Z"));

		Process run = ImportJobIntegrationTestsSupport.startJvm(work, "import", -1);
		assertThat(run.waitFor(5, TimeUnit.MINUTES)).isTrue();
		assertThat(run.exitValue()).as("exit code; log:\n" + logOf(run)).isZero();
		Map<String, String> statuses = new TreeMap<>();
		try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + work.resolve("db/edustat"), "sa", "");
				Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("select received_path, status from inbox_file")) {
			while (rs.next()) {
				statuses.put(rs.getString(1), rs.getString(2));
			}
		}
		assertThat(statuses).containsEntry("对照.xlsx", "已入库")
			.containsEntry("隐藏.xlsx", "已入库")
			.containsKey("大.xls")
			.hasSize(3);
		Path logFile = work.resolve("data/logs/edustat.log");
		assertThat(logFile).as("the rolling log file under data/logs").exists();
		assertThat(Files.readAllLines(logFile, StandardCharsets.UTF_8))
			.allMatch(line -> line.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} .*")
					|| line.startsWith("\t") || line.startsWith("Caused by") || line.isEmpty())
			.anyMatch(line -> line.matches(
					"\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} INFO .*运行结束 \\(job finished\\) importJob #\\d+: "
							+ "COMPLETED — 3 个文件: 已入库 \\d.*"))
			.noneMatch(line -> line.contains("newer than the version Flyway"));
		try (var files = Files.walk(work.resolve("output/回执"))) {
			assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
				.anyMatch(name -> name.startsWith(hidden.profile().name()));
		}
	}

	private String logOf(Process run) throws Exception {
		Path log = work.resolve("import-" + run.pid() + ".log");
		return Files.exists(log) ? Files.readString(log) : "";
	}

}
