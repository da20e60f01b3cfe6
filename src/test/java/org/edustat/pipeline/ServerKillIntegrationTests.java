package org.edustat.pipeline;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.edustat.demo.DemoInbox;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills the server hard (SIGKILL) during its nightly run and starts it again: the run
 * completes once, and the database equals that of an uninterrupted import of the same
 * inbox.
 */
@Tag("slow")
class ServerKillIntegrationTests {

	static final String EVERY_FEW_SECONDS = "--edustat.schedule.cron=*/3 * * * * *";

	@TempDir
	Path work;

	@Test
	void aServerKilledDuringItsRunFinishesThatRunOnceWhenStartedAgain() throws Exception {
		Path demo = work.resolve("demo");
		List<Path> files = new DemoInbox(demo, 11).writeDemo(120);
		Path served = ImportKillIntegrationTests.copy(demo, work.resolve("served"));
		Path plain = ImportKillIntegrationTests.copy(demo, work.resolve("plain"));

		Process uninterrupted = start(plain, "import", -1);
		assertThat(uninterrupted.waitFor(5, TimeUnit.MINUTES)).isTrue();
		assertThat(uninterrupted.exitValue()).isZero();

		// the nightly schedule fires every few seconds here: a first start runs no
		// "missed" run, so the test waits for one
		Process server = ImportJobIntegrationTestsSupport.startJvm(served, "serve", freePort(), EVERY_FEW_SECONDS);
		Path archive = served.resolve("archive");
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (ImportKillIntegrationTests.countFiles(archive) < files.size() / 3 && server.isAlive()
				&& System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(server.isAlive()).as("the server must be running its nightly run when killed").isTrue();
		server.destroyForcibly().waitFor();
		assertThat(ImportKillIntegrationTests.countFiles(served.resolve("input"))).as("files left in the inbox")
			.isPositive();

		Process again = ImportJobIntegrationTestsSupport.startJvm(served, "serve", freePort(), EVERY_FEW_SECONDS);
		Path log = served.resolve("serve-" + again.pid() + ".log");
		deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (!Files.readString(log).contains(": COMPLETED") && again.isAlive() && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(Files.readString(log)).contains("从中断处重新运行").contains(": COMPLETED");
		again.destroy();
		assertThat(again.waitFor(1, TimeUnit.MINUTES)).isTrue();

		assertThat(DatabaseSnapshot.of(served)).isEqualTo(DatabaseSnapshot.of(plain));
		assertThat(ImportKillIntegrationTests.countFiles(served.resolve("input"))).isZero();
		try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + served.resolve("db/edustat"), "sa", "");
				Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("select i.job_instance_id, e.status from batch_job_instance i "
						+ "join batch_job_execution e on e.job_instance_id = i.job_instance_id order by e.job_execution_id")) {
			List<String> runs = new ArrayList<>();
			Set<Long> instances = new HashSet<>();
			while (rs.next()) {
				instances.add(rs.getLong(1));
				runs.add(rs.getString(2));
			}
			assertThat(instances).as("one run: the nightly run of one date").hasSize(1);
			assertThat(runs).containsExactly("FAILED", "COMPLETED");
		}
	}

	private Process start(Path root, String command, int port) throws IOException {
		return ImportJobIntegrationTestsSupport.startJvm(root, command, port);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
