package org.edustat.pipeline.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.ObjIntConsumer;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

import org.edustat.intake.Inbox;
import org.edustat.intake.InboxFile;
import org.edustat.pipeline.RunProgress;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Takes the inbox oldest file first, keeping the files the step wants. The inbox is
 * listed a slice at a time — the oldest files after the last one listed — so that what
 * the reader holds does not grow with the inbox: a reader of every file holds at most a
 * slice and the window ahead; a filtering reader (the reference workbooks) holds a slice
 * and the files it kept. A file that arrives during the step is taken by it if it sorts
 * after the files listed so far, by the next run otherwise. Needs no saved position: a
 * restarted step finds the files already recorded gone from the inbox.
 */
public class InboxReader implements ItemStreamReader<InboxFile> {

	/** Files listed at a time. */
	static final int SLICE = 5_000;

	private final Inbox inbox;

	private final @Nullable Predicate<InboxFile> wanted;

	private final @Nullable RunProgress progress;

	private final Consumer<InboxFile> ahead;

	private final int window;

	private final int slice;

	/** The order of the files wanted, or {@code null} for the inbox's. */
	private final @Nullable ToIntFunction<InboxFile> rank;

	/** The files listed and not yet handed over, from {@link #next} on. */
	private List<InboxFile> files = new ArrayList<>();

	private int next;

	/** The files before this index in {@link #files} have been announced ahead. */
	private int announced;

	/** The last file of the last slice listed: the next slice starts after it. */
	private @Nullable InboxFile listedUpTo;

	private boolean listedAll;

	/**
	 * The paths of the last slice listed: a file among them that changes before it is
	 * recorded sorts again after the slice, and must not be taken twice (a change after
	 * it was recorded is taken by the next run).
	 */
	private Set<String> lastListed = Set.of();

	/**
	 * A reader of the files the step wants, all of them listed and filtered when the step
	 * opens.
	 * @param progress where the sorting of the inbox is shown
	 */
	public InboxReader(Inbox inbox, Predicate<InboxFile> wanted, RunProgress progress) {
		this(inbox, wanted, null, progress, file -> {
		}, 0, SLICE);
	}

	/**
	 * A reader of the files the step wants, handed over in the order {@code rank} gives
	 * them (lowest first), files of equal rank oldest first: the reference workbooks as
	 * their kinds depend on each other, whatever their times.
	 */
	public InboxReader(Inbox inbox, Predicate<InboxFile> wanted, ToIntFunction<InboxFile> rank, RunProgress progress) {
		this(inbox, wanted, rank, progress, file -> {
		}, 0, SLICE);
	}

	/**
	 * A reader of every file, listed a slice at a time as the step goes.
	 * @param ahead told of each file {@code window} files before the reader hands it
	 * over, so that its examination can start while earlier files are still being
	 * recorded
	 */
	public InboxReader(Inbox inbox, Consumer<InboxFile> ahead, int window) {
		this(inbox, null, null, null, ahead, window, SLICE);
	}

	/**
	 * @param wanted the files the step wants, {@code null} for every file
	 * @param rank the order of the files wanted, {@code null} for the inbox's
	 */
	InboxReader(Inbox inbox, @Nullable Predicate<InboxFile> wanted, @Nullable ToIntFunction<InboxFile> rank,
			@Nullable RunProgress progress, Consumer<InboxFile> ahead, int window, int slice) {
		this.inbox = inbox;
		this.wanted = wanted;
		this.rank = rank;
		this.progress = progress;
		this.ahead = ahead;
		this.window = window;
		this.slice = slice;
	}

	@Override
	public void open(ExecutionContext context) {
		files = new ArrayList<>();
		next = 0;
		announced = 0;
		listedUpTo = null;
		listedAll = false;
		lastListed = Set.of();
		if (wanted == null) {
			context.putInt("inbox.total", listMore((file, waiting) -> {
			}));
		}
		else {
			StepContext step = StepSynchronizationManager.getContext();
			AtomicInteger looked = new AtomicInteger();
			while (!listedAll) {
				int before = looked.get();
				listMore((file, waiting) -> {
					int n = looked.incrementAndGet();
					int all = before + waiting;
					if (progress != null && step != null && (n % 10 == 0 || n == all)) {
						progress.progress(step.getStepExecution().getJobExecutionId(), "sorting", n, all);
					}
				});
			}
			if (rank != null) {
				Map<InboxFile, Integer> ranks = new HashMap<>();
				files.forEach(file -> ranks.put(file, rank.applyAsInt(file)));
				files.sort(Comparator.comparing(ranks::get));
			}
			context.putInt("inbox.total", files.size());
		}
		announceUpTo(window);
	}

	@Override
	public @Nullable InboxFile read() {
		while (files.size() - next <= window && !listedAll) {
			listMore((file, waiting) -> {
			});
		}
		if (next >= files.size()) {
			return null;
		}
		announceUpTo(next + window + 1);
		return files.get(next++);
	}

	private void announceUpTo(int end) {
		while (announced < Math.min(end, files.size())) {
			ahead.accept(files.get(announced++));
		}
	}

	/**
	 * How many files the reader holds now: the slice listed and the files kept, not yet
	 * handed over.
	 */
	int held() {
		return files.size();
	}

	/**
	 * Lists the next slice, keeps what the step wants after the files not yet handed
	 * over, and lets the rest go; tells {@code looked} of each file the filter looked at,
	 * with how many files waited when the slice was listed; returns that number.
	 */
	private int listMore(ObjIntConsumer<InboxFile> looked) {
		Inbox.Slice listing = inbox.oldest(slice, listedUpTo);
		listedAll = listing.files().size() < slice;
		if (!listing.files().isEmpty()) {
			listedUpTo = listing.files().get(listing.files().size() - 1);
		}
		Set<String> taken = new HashSet<>(lastListed);
		files.subList(next, files.size()).forEach(file -> taken.add(file.receivedPath()));
		List<InboxFile> listed = listing.files().stream().filter(file -> !taken.contains(file.receivedPath())).toList();
		lastListed = listed.stream().map(InboxFile::receivedPath).collect(Collectors.toSet());
		List<InboxFile> kept = wanted == null ? listed : listed.parallelStream().filter(file -> {
			boolean keep = wanted.test(file);
			looked.accept(file, listing.waiting());
			return keep;
		}).toList();
		List<InboxFile> remaining = new ArrayList<>(files.subList(next, files.size()));
		remaining.addAll(kept);
		files = remaining;
		announced -= next;
		next = 0;
		return listing.waiting();
	}

}
