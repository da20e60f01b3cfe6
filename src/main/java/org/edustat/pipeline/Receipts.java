package org.edustat.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.edustat.core.LogText;
import org.edustat.examine.Examined;
import org.edustat.form.Form;
import org.edustat.intake.Archive;
import org.edustat.ledger.Ledger;
import org.edustat.reports.FeedbackWorkbooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one writer of 回执: each is written once, from the original kept in the archive,
 * after the file's outcome has committed — for a run's chunk and for an upload refused at
 * once alike. Examining a file writes nothing.
 * <p>
 * A run's chunks hand their receipts to a thread of their own once they commit, so that
 * the step's writer goes on with the next chunk meanwhile; at most {@link #CHUNKS_AHEAD}
 * chunks wait (past that, the committing thread writes its chunk's receipts itself), and
 * {@link #awaitWritten} waits for them at the step's end. Written receipts are noted in
 * the ledger by the next chunk's transaction ({@link #noteWritten}), the last ones when
 * the step ends: a run's receipts cost no commit of their own. A receipt that a killed
 * run never wrote, or wrote and never noted, is written by the next run's catch-up step,
 * as any other (over itself).
 */
public class Receipts implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Receipts.class);

	/** Committed chunks whose receipts may wait for the receipts' thread. */
	static final int CHUNKS_AHEAD = 8;

	private final FeedbackWorkbooks feedback;

	private final Archive archive;

	private final Ledger ledger;

	private final ThreadPoolExecutor writer = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS,
			new ArrayBlockingQueue<>(CHUNKS_AHEAD), runnable -> {
				Thread thread = new Thread(runnable, "receipts");
				thread.setDaemon(true);
				return thread;
			}, new ThreadPoolExecutor.CallerRunsPolicy());

	private final Queue<Future<?>> pending = new ConcurrentLinkedQueue<>();

	/** Receipts written for a run's chunks and not yet noted in the ledger. */
	private final Queue<Ledger.ReceiptNote> unnoted = new ConcurrentLinkedQueue<>();

	public Receipts(FeedbackWorkbooks feedback, Archive archive, Ledger ledger) {
		this.ledger = ledger;
		this.feedback = feedback;
		this.archive = archive;
		writer.allowCoreThreadTimeOut(true);
	}

	/**
	 * Writes the 回执 of a recorded file, if it gets one (a submission, or a refusal that
	 * could be read as a workbook), and notes it in the ledger. A failure is logged and
	 * never thrown: the file's outcome stands.
	 * @return where it was written, if it was
	 */
	public Optional<Path> write(Examined recorded, Form form) {
		Optional<Ledger.ReceiptNote> note = written(recorded, form);
		note.ifPresent(n -> ledger.noteReceipts(List.of(n)));
		return note.map(n -> feedback.output().resolve(n.receiptPath()));
	}

	/**
	 * Writes the 回执 of a chunk's recorded files; {@link #noteWritten} notes them.
	 */
	private void writeAll(List<Examined> recorded, Form form) {
		recorded.forEach(examined -> written(examined, form).ifPresent(unnoted::add));
	}

	/**
	 * Notes in the ledger the receipts written since the last call, in the caller's
	 * transaction (the next chunk's), or in one of their own when there is none. If that
	 * transaction rolls back, they stay unnoted: the next run's catch-up writes them
	 * again.
	 */
	public void noteWritten() {
		List<Ledger.ReceiptNote> notes = new ArrayList<>();
		for (Ledger.ReceiptNote note = unnoted.poll(); note != null; note = unnoted.poll()) {
			notes.add(note);
		}
		if (!notes.isEmpty()) {
			ledger.noteReceipts(notes);
		}
	}

	/** Writes a file's 回执, if it gets one; a failure is logged. */
	private Optional<Ledger.ReceiptNote> written(Examined recorded, Form form) {
		String kept = recorded.archivePath();
		if (!recorded.wantsFeedback() || kept == null) {
			return Optional.empty();
		}
		try {
			return feedback
				.write(archive.resolve(kept), recorded.submission(), recorded.findings(),
						feedback.target(recorded.identity(), recorded.file().fileName()), form,
						feedback.receipt(recorded.identity(), recorded.file().receivedPath(), recorded.sha256()))
				.map(path -> new Ledger.ReceiptNote(recorded.file().receivedPath(), recorded.sha256(),
						feedback.output().relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/')));
		}
		catch (RuntimeException ex) {
			log.warn("回执未能生成 (receipt not written): {} — {}", LogText.of(recorded.file().receivedPath()),
					ex.toString());
			return Optional.empty();
		}
	}

	/**
	 * Has the 回执 of each recorded file written once the caller's transaction commits
	 * (none if it rolls back), on the receipts' thread; {@link #awaitWritten} waits for
	 * them.
	 */
	public void afterCommit(List<Examined> recorded, Form form) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				pending.add(writer.submit(() -> writeAll(recorded, form)));
			}
		});
	}

	/**
	 * Waits until every receipt handed over by {@link #afterCommit} is written (or its
	 * failure logged), and notes them.
	 */
	public void awaitWritten() {
		for (Future<?> next = pending.poll(); next != null; next = pending.poll()) {
			try {
				next.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (ExecutionException ex) {
				log.warn("回执未能生成 (receipts not written): {}", Objects.requireNonNull(ex.getCause()).toString());
			}
		}
		try {
			noteWritten();
		}
		catch (RuntimeException ex) {
			// the receipts are there; unnoted, the next run's catch-up writes them again
			// over themselves
			log.warn("回执已生成但未能登记 (receipts written but not noted): {}", ex.toString());
		}
	}

	@Override
	public void close() {
		awaitWritten();
		writer.shutdown();
	}

}
