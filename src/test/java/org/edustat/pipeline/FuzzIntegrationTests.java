package org.edustat.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.edustat.core.Period;
import org.edustat.demo.DemoSchool;
import org.edustat.demo.Roster;
import org.edustat.testing.Mutants;
import org.edustat.testing.Workbooks;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fuzzing harness: mutants of the demo's workbooks, each kind beside clean controls,
 * imported by the packaged application in its own JVM under -Xmx256m and {@code LANG=C}
 * with a time limit. Invariants: the run completes, every control loads, every mutant
 * ends in exactly one ledger status with a reason, no stack trace reaches a school's
 * message, nothing is written outside the run's folders, the inbox ends empty. 300
 * mutants with a fixed seed here; more by
 * {@code -Dedustat.fuzz.mutants=5000 -Dedustat.fuzz.seed=…} (see docs/reliability.md).
 * Figures go to target/fuzz-summary.txt.
 */
@Tag("slow")
class FuzzIntegrationTests {

	static final int MUTANTS = Integer.getInteger("edustat.fuzz.mutants", 300);

	static final long SEED = Long.getLong("edustat.fuzz.seed", 20231130L);

	@TempDir
	Path work;

	@Test
	void noMutantStopsTheRunEscapesItsFoldersOrGoesUnrecorded() throws Exception {
		Path inbox = work.resolve("input");
		Period period = Period.parse("2023H1");
		List<DemoSchool> schools = Roster.schools(400, SEED);
		List<DemoSchool> controls = schools.subList(0, 30);
		List<DemoSchool> targets = schools.subList(30, schools.size());
		Instant t = Instant.parse("2024-01-01T00:00:00Z");
		Map<String, String> kinds = new HashMap<>();
		for (int i = 0; i < MUTANTS; i++) {
			Mutants.Mutant mutant = Mutants.of(i, targets.get(i % targets.size()), period, SEED);
			String path = "变异/" + (i / 100) + "/" + mutant.fileName();
			Workbooks.write(inbox, path, mutant.bytes(), t.plusSeconds(i));
			kinds.put(path, mutant.kind());
		}
		List<String> controlPaths = new ArrayList<>();
		for (int i = 0; i < controls.size(); i++) {
			String path = "对照/" + controls.get(i).profile().id() + ".xlsx";
			Workbooks.write(inbox, path, Workbooks.submission(controls.get(i), period).bytes(),
					t.plusSeconds(i * (long) MUTANTS / controls.size()));
			controlPaths.add(path);
		}
		// one log per JVM (%p, its process id): under LANG=C the command runs itself
		// again in a second JVM
		Path gcLog = work.resolve("gc-%p.log");
		long started = System.nanoTime();
		// under cron's locale too: the command runs itself again under C.UTF-8
		Process run = ImportJobIntegrationTestsSupport.startJvm(work, List.of(), Map.of("LANG", "C", "LC_ALL", "C"),
				List.of("import"), -1, "-Xlog:gc:file=" + gcLog);
		boolean finished = run.waitFor(Math.max(10, MUTANTS / 10), TimeUnit.MINUTES);
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		if (!finished) {
			run.destroyForcibly().waitFor();
		}
		assertThat(finished).as("the run finished within its time limit").isTrue();
		assertThat(run.exitValue()).as("the run's exit code").isZero();

		Map<String, List<String>> ledger = new TreeMap<>();
		List<String> messages = new ArrayList<>();
		try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + work.resolve("db/edustat"), "sa", "");
				Statement s = c.createStatement()) {
			try (ResultSet rs = s.executeQuery("select received_path, status, reason from inbox_file")) {
				while (rs.next()) {
					ledger.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
						.add(rs.getString(2) + "|" + rs.getString(3));
				}
			}
			try (ResultSet rs = s.executeQuery("select message from finding")) {
				while (rs.next()) {
					messages.add(rs.getString(1));
				}
			}
		}
		for (String control : controlPaths) {
			assertThat(ledger.get(control)).as(control).singleElement().asString().startsWith("已入库");
		}
		Map<String, Integer> statuses = new TreeMap<>();
		for (String mutant : kinds.keySet()) {
			List<String> entries = ledger.get(mutant);
			assertThat(entries).as("one ledger entry for " + mutant + " (" + kinds.get(mutant) + ")").hasSize(1);
			String status = entries.get(0).substring(0, entries.get(0).indexOf('|'));
			if (!status.equals("已入库")) {
				assertThat(entries.get(0)).as("a reason for " + mutant).doesNotEndWith("|null");
			}
			statuses.merge(status, 1, Integer::sum);
		}
		assertThat(ledger).hasSize(kinds.size() + controlPaths.size());
		assertThat(messages).noneMatch(
				m -> m.contains("Exception") || m.contains("\tat ") || m.contains("java.") || m.contains("org.apache"));
		try (Stream<Path> files = Files.walk(work)) {
			List<String> outside = files.filter(Files::isRegularFile)
				.map(p -> work.relativize(p).toString())
				.filter(p -> !p.startsWith("input/") && !p.startsWith("archive/") && !p.startsWith("output/")
						&& !p.startsWith("db/") && !p.startsWith("data/") && !p.endsWith(".log"))
				.toList();
			assertThat(outside).as("files written outside the run's folders").isEmpty();
		}
		assertThat(ImportKillIntegrationTests.countFiles(inbox)).as("files left in the inbox").isZero();

		double peak = 0;
		try (Stream<Path> logs = Files.list(work)) {
			for (Path log : logs.filter(p -> p.getFileName().toString().matches("gc-\\d+\\.log")).toList()) {
				peak = Math.max(peak, peakAfterGc(log));
			}
		}
		Files.writeString(Path.of("target", "fuzz-summary.txt"), String.format("""
				mutants: %d (seed %d, %d kinds), controls: %d
				statuses of the mutants: %s
				controls loaded: %d of %d
				failed runs: 0, files written outside the roots: 0, inbox left: 0
				run time: %.1f s, peak heap after GC: %.1f MB (-Xmx256m, LANG=C)
				""", MUTANTS, SEED, Mutants.kinds(), controlPaths.size(), statuses, controlPaths.size(),
				controlPaths.size(), took.toMillis() / 1000.0, peak), StandardCharsets.UTF_8);
	}

	/** The largest heap left after a collection, in MB, from the JVM's GC log. */
	static double peakAfterGc(Path gcLog) throws IOException {
		Pattern after = Pattern.compile("->(\\d+)M\\(");
		double peak = 0;
		for (String line : Files.readAllLines(gcLog)) {
			Matcher m = after.matcher(line);
			if (m.find()) {
				peak = Math.max(peak, Double.parseDouble(m.group(1)));
			}
		}
		return peak;
	}

}
