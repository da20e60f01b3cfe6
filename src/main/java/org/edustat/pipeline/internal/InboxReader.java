package org.edustat.pipeline.internal;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.edustat.intake.Inbox;
import org.edustat.intake.InboxFile;
import org.edustat.pipeline.RunProgress;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Lists the inbox as it is when the step opens, oldest file first, keeping the files the step wants. Needs no saved
 * position: a restarted step finds the files already recorded gone from the inbox.
 */
public class InboxReader implements ItemStreamReader<InboxFile> {

	private final Inbox inbox;

	private final Predicate<InboxFile> wanted;

	private final RunProgress progress;

	private final Consumer<InboxFile> ahead;

	private final int window;

	private List<InboxFile> files;

	private int next;

	/**
	 * @param progress where the sorting of the inbox is shown, or {@code null} when the filter costs nothing
	 */
	public InboxReader(Inbox inbox, Predicate<InboxFile> wanted, RunProgress progress) {
		this(inbox, wanted, progress, file -> {
		}, 0);
	}

	/**
	 * @param ahead told of each file {@code window} files before the reader hands it over, so that its examination can
	 * start while earlier files are still being recorded
	 */
	public InboxReader(Inbox inbox, Predicate<InboxFile> wanted, RunProgress progress, Consumer<InboxFile> ahead,
			int window) {
		this.inbox = inbox;
		this.wanted = wanted;
		this.progress = progress;
		this.ahead = ahead;
		this.window = window;
	}

	@Override
	public void open(ExecutionContext context) {
		List<InboxFile> all = inbox.scan();
		StepContext step = StepSynchronizationManager.getContext();
		AtomicInteger looked = new AtomicInteger();
		List<InboxFile> found = all.parallelStream().filter(file -> {
			boolean keep = wanted.test(file);
			int n = looked.incrementAndGet();
			if (progress != null && step != null && (n % 10 == 0 || n == all.size())) {
				progress.progress(step.getStepExecution().getJobExecutionId(), "sorting", n, all.size());
			}
			return keep;
		}).toList();
		context.putInt("inbox.total", found.size());
		files = found;
		next = 0;
		for (int i = 0; i < Math.min(window, files.size()); i++) {
			ahead.accept(files.get(i));
		}
	}

	@Override
	public InboxFile read() {
		if (next >= files.size()) {
			return null;
		}
		if (next + window < files.size()) {
			ahead.accept(files.get(next + window));
		}
		return files.get(next++);
	}
}
