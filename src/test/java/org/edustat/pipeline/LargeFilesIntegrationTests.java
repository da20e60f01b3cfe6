package org.edustat.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

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
 * -Xmx256m: an .xls near the 20 MB file limit, an .xlsx with a hidden sheet of hundreds
 * of thousands of rows and a warning (so a 回执 is written), and an .xlsx whose one cell
 * holds 60 million characters (refused before a parser holds it). The run completes and
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
		byte[] longText = oneCell(60_000_000);
		assertThat(longText.length).as("within the file limit, far from a bomb's ratio").isLessThan(20 * 1024 * 1024);
		Workbooks.write(inbox, "长文字.xlsx", longText, Instant.parse("2024-01-01T00:03:00Z"));

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
			.containsEntry("长文字.xlsx", "已退回")
			.hasSize(4);
		Path logFile = work.resolve("data/logs/edustat.log");
		assertThat(logFile).as("the rolling log file under data/logs").exists();
		assertThat(Files.readAllLines(logFile, StandardCharsets.UTF_8))
			.allMatch(line -> line.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} .*")
					|| line.startsWith("\t") || line.startsWith("Caused by") || line.isEmpty())
			.anyMatch(line -> line.matches(
					"\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} INFO .*运行结束 \\(job finished\\) importJob #\\d+: "
							+ "COMPLETED — 4 个文件: 已入库 \\d.*"))
			.noneMatch(line -> line.contains("newer than the version Flyway"));
		try (var files = Files.walk(work.resolve("output/回执"))) {
			assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
				.anyMatch(name -> name.startsWith(hidden.profile().name()));
		}
	}

	/**
	 * An .xlsx whose one cell holds the given number of characters (four letters at
	 * random: about a quarter of their size compressed), written here as raw XML.
	 */
	private static byte[] oneCell(int characters) throws IOException {
		String main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write(("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
					+ "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
					+ "spreadsheetml.sheet.main+xml\"/></Types>")
				.getBytes(StandardCharsets.UTF_8));
			zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
			zip.write(("<workbook xmlns=\"" + main
					+ "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
					+ "<sheet name=\"学生\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>")
				.getBytes(StandardCharsets.UTF_8));
			zip.putNextEntry(new ZipEntry("xl/_rels/workbook.xml.rels"));
			zip.write(("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
					+ "<Relationship Id=\"rId1\" Type=\"worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>")
				.getBytes(StandardCharsets.UTF_8));
			zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
			zip.write(("<worksheet xmlns=\"" + main + "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>")
				.getBytes(StandardCharsets.UTF_8));
			Random random = new Random(3);
			byte[] letters = new byte[1 << 20];
			for (int written = 0; written < characters; written += letters.length) {
				for (int i = 0; i < letters.length; i++) {
					letters[i] = (byte) "ACGT".charAt(random.nextInt(4));
				}
				zip.write(letters, 0, Math.min(letters.length, characters - written));
			}
			zip.write("</t></is></c></row></sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		return out.toByteArray();
	}

	private String logOf(Process run) throws Exception {
		Path log = work.resolve("import-" + run.pid() + ".log");
		return Files.exists(log) ? Files.readString(log) : "";
	}

}
