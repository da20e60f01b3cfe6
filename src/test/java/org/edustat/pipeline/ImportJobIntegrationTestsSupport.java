package org.edustat.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edustat.cli.ImportCommand;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.FileSystemUtils;

/** Folders for the full-application tests. */
final class ImportJobIntegrationTestsSupport {

	private ImportJobIntegrationTestsSupport() {
	}

	/** Runs the import command and returns what it printed. */
	static String runImport(ImportCommand command) throws Exception {
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		command.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
		return buffer.toString(StandardCharsets.UTF_8);
	}

	/**
	 * Starts the packaged application in a separate JVM on a folder of its own (inbox,
	 * archive, output, H2 file database), its output in a log file named after the
	 * command and the process id.
	 */
	static Process startJvm(Path root, String command, int port, String... jvmOptions) throws IOException {
		return startJvm(root, List.of(command), port, jvmOptions);
	}

	/**
	 * The same, with a command and its arguments (dry-run and its file). Options that
	 * start with {@code --} replace the application setting of the same name; the others
	 * go to the JVM.
	 */
	static Process startJvm(Path root, List<String> commandLine, int port, String... options) throws IOException {
		return startJvm(root, List.of(), Map.of(), commandLine, port, options);
	}

	/**
	 * The same, started through a launcher (another user's {@code setpriv …}) with more
	 * variables in its environment ({@code LANG=C}).
	 */
	static Process startJvm(Path root, List<String> launcher, Map<String, String> environment, List<String> commandLine,
			int port, String... options) throws IOException {
		String command = commandLine.get(0);
		Map<String, String> settings = new LinkedHashMap<>();
		for (String setting : List.of(
				"--spring.datasource.url=jdbc:h2:file:" + root.resolve("db/edustat")
						+ ";WRITE_DELAY=0;AUTO_SERVER=TRUE;QUERY_CACHE_SIZE=64",
				"--edustat.intake.inbox=" + root.resolve("input"),
				"--edustat.intake.archive=" + root.resolve("archive"), "--edustat.intake.chunk-size=5",
				"--edustat.jobs.folder=" + Path.of("jobs").toAbsolutePath(),
				"--edustat.reports.output=" + root.resolve("output"), "--edustat.schedule.cron=0 0 0 * * *",
				"--server.port=" + Math.max(port, 0))) {
			settings.put(setting.substring(0, setting.indexOf('=')), setting);
		}
		List<String> line = new ArrayList<>(launcher);
		line.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m"));
		for (String option : options) {
			if (option.startsWith("--")) {
				settings.put(option.substring(0, option.indexOf('=')), option);
			}
			else {
				line.add(option);
			}
		}
		// a copy in the run's folder, where one was put (another user may not reach this
		// checkout)
		Path jar = Files.exists(root.resolve("edustat.jar")) ? root.resolve("edustat.jar")
				: Path.of("target/edustat.jar").toAbsolutePath();
		line.addAll(List.of("-jar", jar.toString()));
		line.addAll(commandLine);
		line.addAll(settings.values());
		ProcessBuilder builder = new ProcessBuilder(line).directory(root.toFile()).redirectErrorStream(true);
		builder.environment().put("EDUSTAT_ADMIN_PASSWORD", "kill-test-2023");
		builder.environment().putAll(environment);
		Path pending = Files.createTempFile(root, "jvm", ".log");
		builder.redirectOutput(pending.toFile());
		Process process = builder.start();
		Files.move(pending, root.resolve(command + "-" + process.pid() + ".log"));
		return process;
	}

	/**
	 * Points the application at a folder of its own (input, archive, output) and an
	 * in-memory database of its own.
	 */
	static void folders(DynamicPropertyRegistry registry, Path root, String database) {
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1");
		registry.add("edustat.intake.inbox", () -> root.resolve("input").toString());
		registry.add("edustat.intake.archive", () -> root.resolve("archive").toString());
		registry.add("edustat.reports.output", () -> root.resolve("output").toString());
	}

	/**
	 * Empties the run's folders and the business tables, for a test that starts from
	 * nothing.
	 */
	static void startFromNothing(JdbcClient jdbc, Path root) throws IOException {
		for (String folder : List.of("input", "output", "archive")) {
			FileSystemUtils.deleteRecursively(root.resolve(folder));
		}
		Files.createDirectories(root.resolve("input"));
		for (String table : List.of("finding", "submission_figures", "submission", "inbox_file", "report_mark",
				"report_value")) {
			jdbc.sql("delete from " + table).update();
		}
	}

	static Path tempRoot(String prefix) {
		try {
			return Files.createTempDirectory(prefix);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
