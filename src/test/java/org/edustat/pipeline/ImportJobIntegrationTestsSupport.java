package org.edustat.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Folders for the full-application tests. */
final class ImportJobIntegrationTestsSupport {

	private ImportJobIntegrationTestsSupport() {
	}

	/** Runs the import command and returns what it printed. */
	static String runImport(ImportCommand command) throws Exception {
		java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
		command.run(new java.io.PrintStream(buffer, true, java.nio.charset.StandardCharsets.UTF_8));
		return buffer.toString(java.nio.charset.StandardCharsets.UTF_8);
	}

	/**
	 * Starts the packaged application in a separate JVM on a folder of its own (inbox, archive, output, H2 file
	 * database), its output in a log file named after the command and the process id.
	 */
	static Process startJvm(Path root, String command, int port, String... jvmOptions) throws IOException {
		List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m"));
		line.addAll(List.of(jvmOptions));
		line.addAll(List.of("-jar", Path.of("target/edustat.jar").toAbsolutePath().toString(), command,
				"--spring.datasource.url=jdbc:h2:file:" + root.resolve("db/edustat") + ";WRITE_DELAY=0",
				"--edustat.intake.inbox=" + root.resolve("input"), "--edustat.intake.archive=" + root.resolve("archive"),
				"--edustat.intake.chunk-size=5", "--edustat.jobs.folder=" + Path.of("jobs").toAbsolutePath(),
				"--edustat.reports.output=" + root.resolve("output"), "--edustat.schedule.cron=0 0 0 * * *",
				"--server.port=" + Math.max(port, 0)));
		ProcessBuilder builder = new ProcessBuilder(line)
			.directory(root.toFile())
			.redirectErrorStream(true);
		builder.environment().put("EDUSTAT_ADMIN_PASSWORD", "kill-test-2023");
		Path pending = Files.createTempFile(root, "jvm", ".log");
		builder.redirectOutput(pending.toFile());
		Process process = builder.start();
		Files.move(pending, root.resolve(command + "-" + process.pid() + ".log"));
		return process;
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
