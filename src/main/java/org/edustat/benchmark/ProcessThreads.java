package org.edustat.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of every thread of this process by name, the JVM's own included (collector,
 * compiler), read from Linux's {@code /proc/self/task}; empty where there is no such
 * directory.
 */
final class ProcessThreads {

	/** Clock ticks a second of {@code /proc}'s times (USER_HZ, 100 on Linux). */
	private static final double TICKS = 100.0;

	private ProcessThreads() {
	}

	/** Seconds of CPU by thread name, digits folded into N ("GC Thread#N"). */
	static Map<String, Double> cpuSeconds() {
		Map<String, Double> byName = new TreeMap<>();
		Path tasks = Path.of("/proc/self/task");
		if (!Files.isDirectory(tasks)) {
			return byName;
		}
		try (Stream<Path> list = Files.list(tasks)) {
			list.forEach(task -> {
				try {
					String name = Files.readString(task.resolve("comm")).strip().replaceAll("\\d+", "N");
					String stat = Files.readString(task.resolve("stat"));
					String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
					byName.merge(name, seconds, Double::sum);
				}
				catch (IOException | RuntimeException ex) {
					// the thread ended while it was read: it is not counted
				}
			});
		}
		catch (IOException ex) {
			return byName;
		}
		return byName;
	}

}
