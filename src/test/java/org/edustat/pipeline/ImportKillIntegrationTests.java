package org.edustat.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.edustat.demo.DemoInbox;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills the import hard part-way (a separate JVM, SIGKILL) and runs it again: the
 * database equals that of an uninterrupted run, and every file is in the inbox or the
 * archive with exactly one ledger entry.
 */
@Tag("slow")
class ImportKillIntegrationTests {

	@TempDir
	Path work;

	@Test
	void anImportKilledPartWayAndRunAgainEqualsAnUninterruptedOne() throws Exception {
		Path demo = work.resolve("demo");
		List<Path> files = new DemoInbox(demo, 7).writeDemo(120);
		Path interrupted = copy(demo, work.resolve("interrupted"));
		Path uninterrupted = copy(demo, work.resolve("uninterrupted"));

		Process complete = run(uninterrupted);
		assertThat(complete.waitFor(5, TimeUnit.MINUTES)).isTrue();
		assertThat(complete.exitValue()).as("the uninterrupted import's exit code").isZero();

		Process doomed = run(interrupted);
		Path archive = interrupted.resolve("archive");
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (countFiles(archive) < files.size() / 3 && doomed.isAlive() && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(doomed.isAlive()).as("the import must still be running when killed").isTrue();
		doomed.destroyForcibly().waitFor();
		int archivedAtKill = countFiles(archive);
		assertThat(countFiles(interrupted.resolve("input"))).as("files left in the inbox after the kill").isPositive();

		Process again = run(interrupted);
		assertThat(again.waitFor(5, TimeUnit.MINUTES)).isTrue();
		assertThat(again.exitValue()).isZero();

		DatabaseSnapshot expected = DatabaseSnapshot.of(uninterrupted);
		DatabaseSnapshot actual = DatabaseSnapshot.of(interrupted);
		assertThat(actual.submissions()).isEqualTo(expected.submissions());
		assertThat(actual.values()).isEqualTo(expected.values());
		assertThat(actual.ledger()).isEqualTo(expected.ledger());
		assertThat(actual.findings()).isEqualTo(expected.findings());
		assertThat(actual.ledger()).hasSize(files.size());
		assertThat(countFiles(interrupted.resolve("input"))).isZero();
		assertThat(countFiles(archive)).isGreaterThanOrEqualTo(archivedAtKill);
		List<String> received = actual.ledger().stream().map(row -> row.get(0)).toList();
		assertThat(received).doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(files.stream().map(f -> demo.relativize(f).toString()).toList());
	}

	private Process run(Path root) throws IOException {
		return ImportJobIntegrationTestsSupport.startJvm(root, "import", -1);
	}

	static Path copy(Path from, Path to) throws IOException {
		try (Stream<Path> paths = Files.walk(from)) {
			for (Path source : paths.toList()) {
				Path target = to.resolve("input").resolve(from.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
				}
			}
		}
		return to;
	}

	static int countFiles(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return 0;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			return (int) paths.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".part")).count();
		}
	}

}
