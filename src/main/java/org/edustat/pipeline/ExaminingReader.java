package org.edustat.pipeline;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import org.edustat.core.DistrictCode;
import org.edustat.intake.Examined;
import org.edustat.intake.Inbox;
import org.edustat.intake.InboxFile;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.edustat.intake.Intake;
import org.edustat.reports.FeedbackWorkbooks;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the inbox as it is when the step opens, oldest file first, and hands out each file examined (read,
 * normalised, checked, archived; a feedback workbook written for a file with findings). A bounded window of files ahead is examined on worker threads while the step writes
 * and commits the files before them, in their order. Needs no saved position: a restarted step finds the files already
 * recorded gone from the inbox.
 */
class ExaminingReader implements ItemStreamReader<Examined> {

	private final Inbox inbox;

	private final Intake intake;

	private final KnownDistricts knownDistricts;

	private final Predicate<InboxFile> filter;

	private final int threads;

	private final FeedbackWorkbooks feedback;

	private final Deque<Future<Examined>> window = new ArrayDeque<>();

	private ExecutorService workers;

	private Iterator<InboxFile> files;

	private Set<DistrictCode> districts;

	private final RunProgress progress;

	ExaminingReader(Inbox inbox, Intake intake, KnownDistricts knownDistricts, Predicate<InboxFile> filter, int threads,
			FeedbackWorkbooks feedback, RunProgress progress) {
		this.progress = progress;
		this.feedback = feedback;
		this.inbox = inbox;
		this.intake = intake;
		this.knownDistricts = knownDistricts;
		this.filter = filter;
		this.threads = threads;
	}

	@Override
	public void open(ExecutionContext context) {
		districts = knownDistricts.get();
		List<InboxFile> all = inbox.scan();
		StepContext step = StepSynchronizationManager.getContext();
		AtomicInteger looked = new AtomicInteger();
		List<InboxFile> found = all.parallelStream().filter(file -> {
			boolean wanted = filter.test(file);
			int n = looked.incrementAndGet();
			if (progress != null && step != null && (n % 10 == 0 || n == all.size())) {
				progress.progress(step.getStepExecution().getJobExecutionId(), "sorting", n, all.size());
			}
			return wanted;
		}).toList();
		context.putInt("inbox.total", found.size());
		files = found.iterator();
		workers = Executors.newFixedThreadPool(threads, task -> {
			Thread thread = new Thread(task, "examine");
			thread.setDaemon(true);
			return thread;
		});
	}

	@Override
	public Examined read() throws InterruptedException, ExecutionException {
		while (window.size() < threads * 8 && files.hasNext()) {
			InboxFile file = files.next();
			window.add(workers.submit(() -> examine(file)));
		}
		Future<Examined> next = window.poll();
		return next == null ? null : next.get();
	}

	/** Examines one file; a failure nobody foresaw refuses that file alone (F08), never the run. */
	private Examined examine(InboxFile file) {
		try {
			return withFeedback(intake.examine(file, districts::contains));
		}
		catch (RuntimeException ex) {
			return intake.failed(file, ex);
		}
	}

	private Examined withFeedback(Examined examined) {
		boolean readable = examined.findings().stream().noneMatch(f -> f.code().startsWith("F"));
		if (readable && (examined.outcome() == Examined.Outcome.SUBMISSION || examined.outcome() == Examined.Outcome.REJECTED)) {
			feedback.write(examined.file().path(), examined.submission(), examined.findings(),
					feedback.target(examined.identity(), examined.file().fileName()), intake.form());
		}
		return examined;
	}

	@Override
	public void close() throws ItemStreamException {
		if (workers != null) {
			workers.shutdownNow();
			window.clear();
		}
	}
}
