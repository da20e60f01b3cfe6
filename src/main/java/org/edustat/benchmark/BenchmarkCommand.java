package org.edustat.benchmark;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import com.sun.management.OperatingSystemMXBean;
import org.edustat.core.Period;
import org.edustat.demo.DemoCommand;
import org.edustat.demo.DemoInbox;
import org.edustat.load.Coverage;
import org.edustat.reports.ComparativeReports;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code benchmark --command …}: see {@link CommandBenchmark}.
 * {@code benchmark --schools=N [--city] [--reports] [--warm | --warm=K] [--work=target/benchmark] [--edustat.…=…]}:
 * generates N submissions, times a bare streaming read of them on one thread, then the
 * whole import (application start reported apart), and prints files/s and peak heap; with
 * --reports also loads the year before and times the period's comparative report; with
 * --warm first imports the same files into another database (--warm=K: K times, each into
 * its own), so that the timed import runs on compiled code, as the server's nightly run
 * does after earlier nights; with --city the inbox holds two years of the same period
 * (one school in 20 on .xls), so that the history rules find the year before and the run
 * writes both years' reports.
 */
public final class BenchmarkCommand {

	/** With --city, one school in this many sends .xls. */
	private static final int CITY_XLS_EVERY = 20;

	private BenchmarkCommand() {
	}

	/**
	 * @param application the application class the timed import starts
	 */
	public static int run(String[] args, Class<?> application) throws Exception {
		if (Arrays.asList(args).contains("--command")) {
			return CommandBenchmark.run(args);
		}
		int schools = Integer.parseInt(DemoCommand.option(args, "schools", "300"));
		Path work = Path.of(DemoCommand.option(args, "work", "target/benchmark")).toAbsolutePath();
		WorkFolders.setAside(work);
		Period period = Period.parse("2023H1");

		long t0 = System.nanoTime();
		boolean city = Arrays.asList(args).contains("--city");
		DemoInbox inbox = new DemoInbox(work.resolve("input"), DemoCommand.DEFAULT_SEED);
		List<Path> files = city ? inbox.writeSubmissions(schools, period.sameLastYear(), CITY_XLS_EVERY)
				: inbox.writeSubmissions(schools, period);
		if (city) {
			files = inbox.writeSubmissions(schools, period, CITY_XLS_EVERY);
		}
		double generateSeconds = seconds(t0);
		long bytes = 0;
		for (Path f : files) {
			bytes += Files.size(f);
		}

		Floors.Measured floors = Floors.measure(files);

		int warmUps = Arrays.asList(args).contains("--warm") ? 1
				: Integer.parseInt(DemoCommand.option(args, "warm", "0"));
		List<Double> warmUpSeconds = new ArrayList<>();
		for (int w = 1; w <= warmUps; w++) {
			Path copy = work.resolve("warm-up-" + w);
			for (Path f : files) {
				Path target = copy.resolve("input").resolve(work.resolve("input").relativize(f));
				Files.createDirectories(target.getParent());
				Files.createLink(target, f);
			}
			try (ConfigurableApplicationContext warmUp = start(application, copy, args)) {
				long tw = System.nanoTime();
				importOnce(warmUp);
				warmUpSeconds.add(seconds(tw));
			}
		}

		double creation = WorkFolders.creationMicros(work, 500, 7_000);
		long t2 = System.nanoTime();
		ConfigurableApplicationContext context = start(application, work, args);
		double startSeconds = seconds(t2);

		System.gc();
		HeapWatch heap = HeapWatch.start();
		OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		long cpu0 = os.getProcessCpuTime();
		Map<Long, ThreadCpu> threadCpu0 = ThreadCpu.snapshot();
		Map<String, Double> processCpu0 = ProcessThreads.cpuSeconds();
		long t3 = System.nanoTime();
		JobExecution execution = importOnce(context);
		double importSeconds = seconds(t3);
		double cpuSeconds = (os.getProcessCpuTime() - cpu0) / 1e9;
		Map<String, Long> threadCpu1 = ThreadCpu.spentByName(threadCpu0, ThreadCpu.snapshot());
		Map<String, Double> processCpu1 = ProcessThreads.cpuSeconds();
		long[] peaks = heap.stop();
		int loaded = context.getBean(Coverage.class).reported(period).size()
				+ (city ? context.getBean(Coverage.class).reported(period.sameLastYear()).size() : 0);
		double[] validation = PartCosts.validation(context, work.resolve("archive"));
		double[] report = Arrays.asList(args).contains("--reports") ? PartCosts.report(context, work, schools, period)
				: null;
		context.close();
		int removed = WorkFolders.removeOld(work);

		Runtime rt = Runtime.getRuntime();
		System.out.printf("%n## Import benchmark, N = %d%n%n", schools);
		System.out.printf("| figure | value |%n|---|---|%n");
		System.out.printf("| files (.xlsx + .xls) | %d, %.1f MB, %,d cells |%n", files.size(), bytes / 1e6,
				floors.bareCells());
		System.out.printf("| generation (excluded) | %.1f s |%n", generateSeconds);
		floors.print(files.size());
		System.out.printf("| creating a file of 7 kB before the import (500 files; the last run's folder set aside, "
				+ "%d older ones removed after the measurements) | %.0f µs |%n", removed, creation);
		System.out.printf("| JVM | %s |%n", warmUps > 0
				? String.format(
						"warm: the same files imported %d time(s) before, each into "
								+ "another database (%s s), as in the server's nightly runs",
						warmUps,
						warmUpSeconds.stream().map(x -> String.format("%.2f", x)).collect(Collectors.joining(", ")))
				: "cold: the first import of this JVM, as a run from the command line");
		System.out.printf("| JVM options | %s |%n",
				String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
		System.out.printf("| application start (excluded) | %.2f s |%n", startSeconds);
		System.out.printf("| import end to end (%s, %d loaded) | %.2f s, %.0f files/s |%n", execution.getStatus(),
				loaded, importSeconds, files.size() / importSeconds);
		System.out.printf("| import time / bare read time | %.2f |%n", importSeconds / floors.bareSeconds());
		System.out.printf("| import time / unzip + StAX floor | %.2f |%n", importSeconds / floors.staxSeconds());
		System.out.printf("| CPU time of the import (all threads) | %.2f s, %.2f ms a file |%n", cpuSeconds,
				cpuSeconds * 1000 / files.size());
		threadCpu1.forEach((name, spent) -> {
			if (spent > 50_000_000L) {
				System.out.printf("| CPU time of threads '%s' | %.2f s |%n", name, spent / 1e9);
			}
		});
		processCpu1.forEach((name, seconds) -> {
			double spent = seconds - processCpu0.getOrDefault(name, 0.0);
			boolean javaThread = name.equals("java") || threadCpu1.keySet().stream().anyMatch(t -> t.startsWith(name));
			if (spent >= 0.1 && !javaThread) {
				System.out.printf("| CPU time of the JVM's threads '%s' | %.2f s |%n", name, spent);
			}
		});
		double loadSeconds = 0;
		for (StepExecution step : execution.getStepExecutions()) {
			// a step of a finished job has both times
			Instant started = instant(Objects.requireNonNull(step.getStartTime()));
			Instant ended = instant(Objects.requireNonNull(step.getEndTime()));
			double stepSeconds = Duration.between(started, ended).toMillis() / 1e3;
			System.out.printf(
					"| step %s (%d written) | %.2f s, heap after GC at most %.1f MB, after a full GC %.1f MB |%n",
					step.getStepName(), step.getWriteCount(), stepSeconds, heap.leftAfter(started, ended, false) / 1e6,
					heap.leftAfter(started, ended, true) / 1e6);
			loadSeconds += step.getStepName().equals("reports") ? 0 : stepSeconds;
		}
		System.out.printf(
				"| import without its reports step (hash, read, normalise, validate, load, ledger, archive) | %.2f s, %.0f files/s |%n",
				loadSeconds, files.size() / loadSeconds);
		System.out.printf("| that / unzip + StAX floor | %.2f |%n", loadSeconds / floors.staxSeconds());
		System.out.printf("| that / bare POI streaming read | %.2f |%n", loadSeconds / floors.bareSeconds());
		System.out.printf(
				"| validation alone, all rules incl. history look-ups | %.3f ms a submission (%d submissions, %d findings) |%n",
				validation[0], (long) validation[1], (long) validation[2]);
		System.out.printf("| peak heap used during import (pools' peak) | %.1f MB |%n", peaks[0] / 1e6);
		System.out.printf(
				"| peak heap left by any collection during import (young ones leave the old generation's garbage) | %.1f MB |%n",
				peaks[1] / 1e6);
		System.out.printf("| peak live heap after a full collection during import (0: none ran) | %.1f MB |%n",
				peaks[2] / 1e6);
		System.out.printf("| max heap (-Xmx) | %.0f MB |%n", rt.maxMemory() / 1e6);
		if (report != null) {
			System.out.printf(
					"%n## Report generation, a %d-school city with two years of data%n%n| figure | value |%n|---|---|%n",
					schools);
			System.out.printf("| %s written (every sheet, charts included) | %.2f s |%n",
					ComparativeReports.fileName(period), report[0]);
			System.out.printf("| peak heap used while writing (pools' peak) | %.1f MB |%n", report[1] / 1e6);
			System.out.printf("| peak live heap after GC while writing | %.1f MB |%n", report[2] / 1e6);
		}
		return execution.getStatus().isUnsuccessful() ? 1 : 0;
	}

	/**
	 * The application on the work folder's inbox, archive and H2 database, without the
	 * web server.
	 */
	private static ConfigurableApplicationContext start(Class<?> application, Path work, String[] args) {
		List<String> contextArgs = new ArrayList<>(List.of(
				"--spring.datasource.url=jdbc:h2:file:" + work.resolve("db/edustat")
						+ ";WRITE_DELAY=0;QUERY_CACHE_SIZE=64",
				"--edustat.intake.inbox=" + work.resolve("input"),
				"--edustat.intake.archive=" + work.resolve("archive"),
				"--edustat.reports.output=" + work.resolve("output"), "--logging.level.org.edustat=warn"));
		Arrays.stream(args)
			.filter(a -> a.startsWith("--edustat.") || a.startsWith("--spring."))
			.forEach(contextArgs::add);
		return new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
			.run(contextArgs.toArray(String[]::new));
	}

	private static JobExecution importOnce(ConfigurableApplicationContext context) throws Exception {
		return context.getBean(JobOperator.class)
			.start(context.getBean("importJob", Job.class),
					new JobParametersBuilder().addLocalDateTime("startedAt", LocalDateTime.now()).toJobParameters());
	}

	private static Instant instant(LocalDateTime time) {
		return time.atZone(ZoneId.systemDefault()).toInstant();
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

}
