package org.edustat.pipeline.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.edustat.core.DistrictCode;
import org.edustat.examine.Examined;
import org.edustat.examine.Examiner;
import org.edustat.intake.InboxFile;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Examines one file — hash, ledger look-up, file type, normalising, the within-workbook
 * rules — and writes nothing (the 回执 is written once the file's outcome commits). A
 * failure nobody foresaw refuses that file alone (F08), never the run.
 * <p>
 * Files the reader announces {@linkplain #ahead ahead} of the chunk being written are
 * examined on the given threads meanwhile, so that examining the next files overlaps
 * recording the last ones; {@link #process} then takes the result. A file nobody
 * announced is examined on the calling thread.
 */
public class ExaminingProcessor implements ItemProcessor<InboxFile, Examined>, StepExecutionListener {

	private final Examiner examiner;

	private final Supplier<Set<DistrictCode>> districts;

	private final Executor examiners;

	private final Map<InboxFile, CompletableFuture<Examined>> ahead = new ConcurrentHashMap<>();

	/**
	 * @param districts the 区县 known: asked once a file, so a step may see those a file
	 * before it added
	 * @param examiners the threads that examine announced files
	 */
	public ExaminingProcessor(Examiner examiner, Supplier<Set<DistrictCode>> districts, Executor examiners) {
		this.examiner = examiner;
		this.districts = districts;
		this.examiners = examiners;
	}

	/** Starts examining a file the reader will hand over soon. */
	public void ahead(InboxFile file) {
		ahead.computeIfAbsent(file, f -> CompletableFuture.supplyAsync(() -> examine(f), examiners));
	}

	@Override
	public Examined process(InboxFile file) throws InterruptedException {
		CompletableFuture<Examined> started = ahead.remove(file);
		if (started == null) {
			return examine(file);
		}
		try {
			return started.get();
		}
		catch (ExecutionException ex) {
			return examiner.failed(file,
					ex.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(ex));
		}
	}

	private Examined examine(InboxFile file) {
		try {
			return examiner.examine(file, districts.get()::contains);
		}
		catch (RuntimeException ex) {
			return examiner.failed(file, ex);
		}
	}

	/**
	 * Drops the examinations of files the step will not take (it failed or stopped); they
	 * are examined again next time.
	 */
	@Override
	public @Nullable ExitStatus afterStep(StepExecution stepExecution) {
		ahead.values().forEach(future -> future.cancel(false));
		ahead.clear();
		return null;
	}

}
