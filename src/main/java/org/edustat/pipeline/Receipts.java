package org.edustat.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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
 * The one writer of 回执: each is written once, from the original kept in the archive, after the file's outcome has
 * committed — for a run's chunk and for an upload refused at once alike. Examining a file writes nothing.
 */
public class Receipts {

	private static final Logger log = LoggerFactory.getLogger(Receipts.class);

	private final FeedbackWorkbooks feedback;

	private final Archive archive;

	private final Ledger ledger;

	public Receipts(FeedbackWorkbooks feedback, Archive archive, Ledger ledger) {
		this.ledger = ledger;
		this.feedback = feedback;
		this.archive = archive;
	}

	/**
	 * Writes the 回执 of a recorded file, if it gets one (a submission, or a refusal that could be read as a workbook). A
	 * failure is logged and never thrown: the file's outcome stands.
	 * @return where it was written, if it was
	 */
	public Optional<Path> write(Examined recorded, Form form) {
		if (!recorded.wantsFeedback() || recorded.archivePath() == null) {
			return Optional.empty();
		}
		try {
			Optional<Path> written = feedback.write(archive.resolve(recorded.archivePath()), recorded.submission(),
					recorded.findings(), feedback.target(recorded.identity(), recorded.file().fileName()), form,
					feedback.receipt(recorded.identity(), recorded.file().receivedPath(), recorded.sha256()));
			written.ifPresent(path -> ledger.noteReceipt(recorded.file().receivedPath(), recorded.sha256(),
					feedback.output().relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/')));
			return written;
		}
		catch (RuntimeException ex) {
			log.warn("回执未能生成 (receipt not written): {} — {}", LogText.of(recorded.file().receivedPath()), ex.toString());
			return Optional.empty();
		}
	}

	/** Writes the 回执 of each recorded file once the caller's transaction commits (none if it rolls back). */
	public void afterCommit(List<Examined> recorded, Form form) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				recorded.forEach(examined -> write(examined, form));
			}
		});
	}
}
