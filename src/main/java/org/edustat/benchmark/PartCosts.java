package org.edustat.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import org.edustat.core.Period;
import org.edustat.demo.DemoCommand;
import org.edustat.demo.DemoInbox;
import org.edustat.examine.Inspector;
import org.edustat.examine.JobFiles;
import org.edustat.reports.ComparativeReports;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Parts of the import timed alone, after it: the audit rules on every submission, and a
 * period's report.
 */
final class PartCosts {

	private PartCosts() {
	}

	/**
	 * Loads the same schools' submissions of the same period a year earlier (not timed),
	 * then times the report.
	 */
	static double[] report(ConfigurableApplicationContext context, Path work, int schools, Period period)
			throws Exception {
		new DemoInbox(work.resolve("input"), DemoCommand.DEFAULT_SEED).writeSubmissions(schools, period.sameLastYear());
		context.getBean(JobOperator.class)
			.start(context.getBean("importJob", Job.class),
					new JobParametersBuilder().addLocalDateTime("startedAt", LocalDateTime.now()).toJobParameters());
		ComparativeReports reports = context.getBean(ComparativeReports.class);
		reports.write(period);
		System.gc();
		HeapWatch heap = HeapWatch.start();
		long t = System.nanoTime();
		reports.write(period);
		double seconds = seconds(t);
		long[] peaks = heap.stop();
		return new double[] { seconds, peaks[0], peaks[1] };
	}

	/**
	 * Normalises every archived submission again (not timed) and times the audit rules on
	 * each, on one thread.
	 */
	static double[] validation(ConfigurableApplicationContext context, Path archive) throws Exception {
		JobFiles rules = context.getBean(JobFiles.class);
		Inspector inspector = context.getBean(Inspector.class);
		List<Path> files;
		try (var paths = Files.walk(archive)) {
			files = paths.filter(Files::isRegularFile).toList();
		}
		long nanos = 0;
		long findings = 0;
		int count = 0;
		for (int round = 0; round < 2; round++) {
			nanos = 0;
			findings = 0;
			count = 0;
			for (Path file : files) {
				var submission = inspector.inspect(file, code -> true, rules).submission();
				if (submission == null) {
					continue;
				}
				long t = System.nanoTime();
				findings += rules.check(submission).size();
				nanos += System.nanoTime() - t;
				count++;
			}
		}
		return new double[] { nanos / 1e6 / Math.max(1, count), count, findings };
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

}
