package org.edustat.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.edustat.demo.DemoInbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's inbox (written by the demo generator) imported by the packaged application
 * from the command line once on the embedded H2 and once on PostgreSQL: every report, CSV
 * and 回执 the same on both, part by part, once the times of the run are masked. What
 * differs between the databases — where NULL sorts, how a numeric comes back, how text
 * collates — shows here as a cell that moved.
 */
@EnabledIfEnvironmentVariable(named = "EDUSTAT_TEST_POSTGRES_URL", matches = ".+",
		disabledReason = "no PostgreSQL server for this run (.ci/run starts one and sets EDUSTAT_TEST_POSTGRES_URL)")
class BothDatabasesIntegrationTests {

	private static final String URL = System.getenv("EDUSTAT_TEST_POSTGRES_URL");

	private static final String SCHEMA = "both_databases";

	/** A time of the run (received, written): the only thing two runs may differ in. */
	private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}(:\\d{2})?");

	@Test
	void theDemoGivesTheSameOutputsOnH2AndOnPostgres() throws Exception {
		Path h2 = ImportJobIntegrationTestsSupport.tempRoot("edustat-both-h2");
		Path postgres = ImportJobIntegrationTestsSupport.tempRoot("edustat-both-pg");
		try (Connection c = DriverManager.getConnection(URL, "edustat", "edustat"); Statement s = c.createStatement()) {
			s.execute("drop schema if exists " + SCHEMA + " cascade");
			s.execute("create schema " + SCHEMA);
		}
		// the demo's inbox as the generator writes it (the checkout's input/ is gone once
		// the README's first command
		// has run there), the same bytes and times for both
		new DemoInbox(h2.resolve("input"), 2023).writeDemo(66);
		copy(h2.resolve("input"), postgres.resolve("input"));
		run(h2);
		run(postgres, "--spring.profiles.active=postgres",
				"--spring.datasource.url=" + URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA,
				"--spring.datasource.username=edustat", "--spring.datasource.password=edustat");

		List<String> outputs = files(h2.resolve("output"));
		assertThat(outputs).as("the outputs written").hasSizeGreaterThan(270).contains("2023Y 年报.xlsx");
		assertThat(files(postgres.resolve("output"))).isEqualTo(outputs);
		List<String> differing = new ArrayList<>();
		for (String name : outputs) {
			Path a = h2.resolve("output").resolve(name);
			Path b = postgres.resolve("output").resolve(name);
			if (name.endsWith(".xlsx")) {
				differing.addAll(differingParts(name, a, b));
			}
			else if (name.endsWith(".csv")) {
				if (!masked(Files.readString(a, StandardCharsets.UTF_8))
					.equals(masked(Files.readString(b, StandardCharsets.UTF_8)))) {
					differing.add(name);
				}
			}
			else if (name.endsWith(".xls")) {
				if (!masked(cells(a)).equals(masked(cells(b)))) {
					differing.add(name);
				}
			}
			else if (Files.mismatch(a, b) != -1) {
				differing.add(name);
			}
		}
		assertThat(differing).as("outputs that differ between H2 and PostgreSQL").isEmpty();
	}

	private static void run(Path root, String... options) throws Exception {
		List<String> settings = new ArrayList<>(List.of("--edustat.intake.chunk-size=50"));
		Collections.addAll(settings, options);
		Process process = ImportJobIntegrationTestsSupport.startJvm(root, "import", -1,
				settings.toArray(String[]::new));
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the import ends").isTrue();
		assertThat(process.exitValue()).as("the import's exit code (log in " + root + ")").isZero();
	}

	private static void copy(Path from, Path to) throws IOException {
		try (Stream<Path> walk = Files.walk(from)) {
			for (Path source : walk.toList()) {
				Path target = to.resolve(from.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
				}
			}
		}
	}

	private static List<String> files(Path folder) throws IOException {
		try (Stream<Path> walk = Files.walk(folder)) {
			return walk.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString()).sorted().toList();
		}
	}

	/** The parts of two workbooks that differ (their document properties aside). */
	private static List<String> differingParts(String name, Path a, Path b) throws IOException {
		List<String> differing = new ArrayList<>();
		try (ZipFile one = new ZipFile(a.toFile()); ZipFile other = new ZipFile(b.toFile())) {
			List<String> parts = one.stream().map(ZipEntry::getName).sorted().toList();
			if (!parts.equals(other.stream().map(ZipEntry::getName).sorted().toList())) {
				return List.of(name + " (its parts)");
			}
			for (String part : parts) {
				if (part.equals("docProps/core.xml")) {
					continue;
				}
				if (!masked(text(one, part)).equals(masked(text(other, part)))) {
					differing.add(name + " " + part);
				}
			}
		}
		return differing;
	}

	private static String text(ZipFile zip, String part) throws IOException {
		try (var in = zip.getInputStream(zip.getEntry(part))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/**
	 * Every cell of a workbook as text, sheet by sheet (an .xls keeps the time of receipt
	 * in its bytes).
	 */
	private static String cells(Path workbook) throws IOException {
		StringBuilder text = new StringBuilder();
		DataFormatter format = new DataFormatter();
		try (Workbook wb = WorkbookFactory.create(workbook.toFile(), null, true)) {
			for (Sheet sheet : wb) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						text.append(sheet.getSheetName())
							.append('!')
							.append(cell.getAddress())
							.append('=')
							.append(format.formatCellValue(cell))
							.append('\n');
					}
				}
			}
		}
		return text.toString();
	}

	private static String masked(String text) {
		return TIME.matcher(text).replaceAll("<time>");
	}

}
