package org.edustat.pipeline;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.edustat.core.SchoolType;
import org.edustat.testing.Workbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line beside a running server on the same data folder: a dry run works; an
 * import is refused with one Chinese line, never a stack trace; once the server has
 * stopped, the import runs.
 */
class CommandLineBesideServerIntegrationTests {

	@TempDir
	Path work;

	@Test
	void aDryRunWorksAndAnImportIsRefusedWhileTheServerRuns() throws Exception {
		Path file = Workbooks.write(work, "试审/学校.xlsx",
				Workbooks.submission(Workbooks.school(SchoolType.PRIMARY), Workbooks.H1_2023).bytes(), Instant.now());
		Files.createDirectories(work.resolve("input"));
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Process server = ImportJobIntegrationTestsSupport.startJvm(work, "serve", port);
		try {
			Path serverLog = work.resolve("serve-" + server.pid() + ".log");
			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
			while (!(Files.exists(serverLog)
					&& Files.readString(serverLog, StandardCharsets.UTF_8).contains("(server started)"))) {
				assertThat(server.isAlive()).as("the server is running").isTrue();
				assertThat(System.nanoTime()).as("the server started in time").isLessThan(deadline);
				Thread.sleep(100);
			}
			assertThat(Files.readString(serverLog, StandardCharsets.UTF_8)).contains("http://localhost:" + port + "/");

			Process dryRun = ImportJobIntegrationTestsSupport.startJvm(work, List.of("dry-run", file.toString()), 0);
			assertThat(dryRun.waitFor(2, TimeUnit.MINUTES)).isTrue();
			String dryOut = Files.readString(work.resolve("dry-run-" + dryRun.pid() + ".log"), StandardCharsets.UTF_8);
			assertThat(dryRun.exitValue()).as(dryOut).isZero();
			assertThat(dryOut).contains(Workbooks.school(SchoolType.PRIMARY).profile().name());

			Process refused = ImportJobIntegrationTestsSupport.startJvm(work, "import", 0);
			assertThat(refused.waitFor(2, TimeUnit.MINUTES)).isTrue();
			String importOut = Files.readString(work.resolve("import-" + refused.pid() + ".log"),
					StandardCharsets.UTF_8);
			assertThat(refused.exitValue()).as(importOut).isEqualTo(3);
			assertThat(importOut).contains("EduStat 服务正在运行(进程 " + server.pid() + ",http://localhost:" + port
					+ "/),本次不从命令行导入:请在网页「任务」页点「立即运行」,或先停止服务 (a server is running on this data folder; import refused)")
				.doesNotContain("Exception")
				.doesNotContain("\tat ");
		}
		finally {
			server.destroy();
			server.waitFor(1, TimeUnit.MINUTES);
		}
		Path serverLog = work.resolve("serve-" + server.pid() + ".log");
		assertThat(Files.readString(serverLog, StandardCharsets.UTF_8)).contains("(shutting down)")
			.contains("(stopped)");
		Process afterwards = ImportJobIntegrationTestsSupport.startJvm(work, "import", 0);
		assertThat(afterwards.waitFor(2, TimeUnit.MINUTES)).isTrue();
		assertThat(afterwards.exitValue()).as(Files.readString(work.resolve("import-" + afterwards.pid() + ".log")))
			.isZero();
	}

}
