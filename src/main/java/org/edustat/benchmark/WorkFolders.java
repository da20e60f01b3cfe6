package org.edustat.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.util.FileSystemUtils;

/**
 * A benchmark's work folder, made without removing thousands of files just before the run
 * it times. On a file system that reuses no inode freed in the last minutes (ext4 without
 * a journal, as on the project's machine: every creation then steps over each recently
 * freed inode of its group) deleting the last run's 12,000 files made every file the
 * import creates 10–15 times dearer — 0.4 ms instead of 30 µs — a cost a nightly run,
 * whose inbox filled over the day, does not pay. So the last run's folder is set aside
 * (renamed) and set-aside folders are removed only once they are older than
 * {@link #KEPT}, after a run's measurements; and a probe times file creation in the work
 * folder before the import, so that a reader sees the state of the file system the run
 * met.
 */
final class WorkFolders {

	/** How long a set-aside folder is kept before a run removes it. */
	static final Duration KEPT = Duration.ofMinutes(10);

	private static final String SET_ASIDE = ".set-aside";

	private WorkFolders() {
	}

	/** Renames an existing work folder into its set-aside folder. */
	static void setAside(Path work) throws IOException {
		if (!Files.exists(work)) {
			return;
		}
		Path aside = aside(work);
		Files.createDirectories(aside);
		Files.move(work, aside.resolve(String.valueOf(System.currentTimeMillis())));
	}

	/**
	 * Removes the folders set aside more than {@link #KEPT} ago: the call to make once a
	 * run has measured what it measures.
	 * @return how many were removed
	 */
	static int removeOld(Path work) throws IOException {
		Path aside = aside(work);
		if (!Files.isDirectory(aside)) {
			return 0;
		}
		long before = System.currentTimeMillis() - KEPT.toMillis();
		List<Path> old;
		try (Stream<Path> folders = Files.list(aside)) {
			old = folders.filter(f -> setAsideAt(f) < before).toList();
		}
		for (Path folder : old) {
			FileSystemUtils.deleteRecursively(folder);
		}
		return old.size();
	}

	/**
	 * The time, in microseconds, to create and write a file of the given size in a new
	 * folder of the work folder: the mean of {@code count} files, which stay (removing
	 * them would free inodes just before the run).
	 */
	static double creationMicros(Path work, int count, int size) throws IOException {
		Path probe = Files.createDirectories(work.resolve("creation-probe"));
		byte[] bytes = new byte[size];
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			Files.write(probe.resolve("probe-" + i + ".bin"), bytes);
		}
		return (System.nanoTime() - start) / 1e3 / count;
	}

	private static Path aside(Path work) {
		return work.resolveSibling(work.getFileName() + SET_ASIDE);
	}

	private static long setAsideAt(Path folder) {
		try {
			return Long.parseLong(folder.getFileName().toString());
		}
		catch (NumberFormatException ex) {
			return Long.MAX_VALUE;
		}
	}

}
