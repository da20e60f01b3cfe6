package org.edustat.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark removes no file just before the run it times: the last run's folder is
 * renamed aside, and only folders set aside longer than ten minutes ago are removed.
 */
class WorkFoldersTests {

	@TempDir
	Path dir;

	@Test
	void theLastRunIsSetAsideAndOnlyOldOnesAreRemoved() throws IOException {
		Path work = dir.resolve("benchmark");
		Files.writeString(Files.createDirectories(work.resolve("input")).resolve("a.xlsx"), "last run");
		Path aside = dir.resolve("benchmark.set-aside");
		long old = System.currentTimeMillis() - WorkFolders.KEPT.toMillis() - 60_000;
		Files.writeString(Files.createDirectories(aside.resolve(String.valueOf(old))).resolve("b.xlsx"), "old run");

		WorkFolders.setAside(work);

		assertThat(work).doesNotExist();
		try (Stream<Path> set = Files.list(aside)) {
			assertThat(set.map(p -> p.getFileName().toString())).hasSize(2).contains(String.valueOf(old));
		}
		assertThat(WorkFolders.removeOld(work)).isEqualTo(1);
		try (Stream<Path> left = Files.list(aside)) {
			Path kept = left.findFirst().orElseThrow();
			assertThat(Files.readString(kept.resolve("input/a.xlsx"))).isEqualTo("last run");
		}
		assertThat(WorkFolders.removeOld(work)).as("a run minutes ago is kept").isZero();
	}

	@Test
	void theProbeLeavesItsFiles() throws IOException {
		double micros = WorkFolders.creationMicros(dir, 20, 100);
		assertThat(micros).isPositive();
		try (Stream<Path> files = Files.list(dir.resolve("creation-probe"))) {
			assertThat(files).hasSize(20);
		}
	}

}
