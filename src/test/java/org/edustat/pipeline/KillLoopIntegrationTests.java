package org.edustat.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.edustat.demo.DemoInbox;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kill loop: the import, in its own JVM, killed hard (SIGKILL) at random moments over
 * the whole run — reading, recording, the reports step: a moment drawn uniformly over the
 * job's own duration, once it has started) — and run again; each time the database, the
 * findings, the ledger and the reports equal those of an uninterrupted run, every file
 * has one ledger entry and its original in the archive, and the inbox ends empty. 10 kill
 * points here; {@code -Dedustat.kill.points=50} for more (docs/reliability.md). Figures
 * go to target/kill-loop-summary.txt.
 */
@Tag("slow")
class KillLoopIntegrationTests {

	static final int POINTS = Integer.getInteger("edustat.kill.points", 10);

	static final long SEED = Long.getLong("edustat.kill.seed", 20231130L);

	@TempDir
	Path work;

	@Test
	void anImportKilledAtAnyMomentAndRunAgainEqualsAnUninterruptedOne() throws Exception {
		Path demo = work.resolve("demo");
		List<Path> files = new DemoInbox(demo, 11).writeDemo(40);
		Path uninterrupted = ImportKillIntegrationTests.copy(demo, work.resolve("uninterrupted"));
		Process complete = ImportJobIntegrationTestsSupport.startJvm(uninterrupted, "import", -1);
		long started = jobStarted(uninterrupted, complete);
		assertThat(complete.waitFor(5, TimeUnit.MINUTES)).isTrue();
		long fullRun = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		assertThat(complete.exitValue()).as("the uninterrupted import's exit code").isZero();
		DatabaseSnapshot expected = DatabaseSnapshot.of(uninterrupted);
		List<String> expectedReports = reportFiles(uninterrupted);
		assertThat(expected.reports()).isNotEmpty();

		Random random = new Random(SEED);
		List<String> lines = new ArrayList<>();
		int killedRunning = 0;
		for (int point = 0; point < POINTS; point++) {
			Path root = ImportKillIntegrationTests.copy(demo, work.resolve("killed-" + point));
			long delay = (long) (random.nextDouble() * fullRun * 0.9);
			Process doomed = ImportJobIntegrationTestsSupport.startJvm(root, "import", -1);
			jobStarted(root, doomed);
			boolean ended = doomed.waitFor(delay, TimeUnit.MILLISECONDS);
			if (!ended) {
				doomed.destroyForcibly().waitFor();
				killedRunning++;
			}
			int leftAtKill = ImportKillIntegrationTests.countFiles(root.resolve("input"));
			int ledgerAtKill = ledgerEntries(root);
			Process again = ImportJobIntegrationTestsSupport.startJvm(root, "import", -1);
			assertThat(again.waitFor(5, TimeUnit.MINUTES)).isTrue();
			assertThat(again.exitValue()).as("exit code after the kill at " + delay + " ms").isZero();

			DatabaseSnapshot actual = DatabaseSnapshot.of(root);
			String at = "kill at " + delay + " ms (point " + point + ")";
			assertThat(actual.submissions()).as(at).isEqualTo(expected.submissions());
			assertThat(actual.values()).as(at).isEqualTo(expected.values());
			assertThat(actual.ledger()).as(at).isEqualTo(expected.ledger());
			assertThat(actual.findings()).as(at).isEqualTo(expected.findings());
			assertThat(actual.reports()).as(at).isEqualTo(expected.reports());
			assertThat(reportFiles(root)).as(at).isEqualTo(expectedReports);
			assertThat(actual.ledger()).as(at).hasSize(files.size());
			assertThat(ImportKillIntegrationTests.countFiles(root.resolve("input"))).as(at).isZero();
			assertThat(archivePathsExist(root)).as(at).isTrue();
			lines.add(String.format("| %d | %d ms | %s | %d | %d | equal |", point, delay,
					ended ? "had ended" : "killed", leftAtKill, ledgerAtKill));
		}
		Files.writeString(Path.of("target", "kill-loop-summary.txt"), String.format(
				"files: %d, uninterrupted job (from its start to the process's end): %d ms, kill points: %d (seed %d), killed while running: %d%n"
						+ "| point | kill after | process | files in the inbox at the kill | ledger entries at the kill | after the rerun |%n"
						+ "|---|---|---|---|---|---|%n%s%n",
				files.size(), fullRun, POINTS, SEED, killedRunning, String.join("\n", lines)), StandardCharsets.UTF_8);
		assertThat(killedRunning).as("kill points that hit a running import (the loop is not vacuous)")
			.isGreaterThanOrEqualTo(Math.max(1, POINTS / 3));
	}

	/**
	 * Waits until the JVM's import job has started (its log says so) and returns that
	 * moment, in nanoTime.
	 */
	private static long jobStarted(Path root, Process process) throws Exception {
		Path log = root.resolve("import-" + process.pid() + ".log");
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
		while (System.nanoTime() < deadline && process.isAlive()) {
			if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains("(job started)")) {
				return System.nanoTime();
			}
			Thread.sleep(10);
		}
		throw new AssertionError(
				"the import job did not start: " + (Files.exists(log) ? Files.readString(log) : "no log"));
	}

	private static int ledgerEntries(Path root) throws Exception {
		if (!Files.exists(root.resolve("db/edustat.mv.db"))) {
			return 0;
		}
		try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + root.resolve("db/edustat"), "sa", "");
				Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("select count(*) from inbox_file")) {
			return rs.next() ? rs.getInt(1) : 0;
		}
		catch (SQLException ex) {
			return 0;
		}
	}

	private static boolean archivePathsExist(Path root) throws Exception {
		try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + root.resolve("db/edustat"), "sa", "");
				Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("select archive_path from inbox_file")) {
			while (rs.next()) {
				if (rs.getString(1) == null || !Files.isRegularFile(root.resolve("archive").resolve(rs.getString(1)))) {
					return false;
				}
			}
			return true;
		}
	}

	private static List<String> reportFiles(Path root) throws IOException {
		Path output = root.resolve("output");
		if (!Files.isDirectory(output)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(output)) {
			return files.filter(Files::isRegularFile)
				.map(p -> output.relativize(p).toString())
				.filter(p -> !p.endsWith(".part"))
				.sorted()
				.toList();
		}
	}

}
