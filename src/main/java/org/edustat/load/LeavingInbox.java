package org.edustat.load;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.edustat.intake.InboxFile;
import org.edustat.ledger.Ledger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files leaving the inbox once their entries have committed: the inbox file and the
 * private copy deleted, the entry marked cleared. In a run the marks wait for the next
 * chunk's transaction ({@link #markInCurrentTransaction}), the last ones for the step's
 * end ({@link #markWaiting}): a chunk then costs one commit, not two. A mark that never
 * commits (a killed process, a chunk rolled back) leaves its entry uncleared though the
 * file is gone, which the next run's {@code Ledger.reconcileCleared} finds; a rolled-back
 * chunk's marks wait for the next one.
 */
final class LeavingInbox {

	private static final Logger log = LoggerFactory.getLogger(LeavingInbox.class);

	private final Ledger ledger;

	private final TransactionTemplate ownTransaction;

	private final Queue<Long> waiting = new ConcurrentLinkedQueue<>();

	LeavingInbox(Ledger ledger, TransactionTemplate ownTransaction) {
		this.ledger = ledger;
		this.ownTransaction = ownTransaction;
	}

	/**
	 * Deletes the files from the inbox and their private copies; their entries are marked
	 * now, in a transaction of their own, or with the run's next chunk.
	 */
	void leave(List<InboxFile> files, List<Long> ids, boolean markLater) {
		for (InboxFile file : files) {
			discardCopy(file);
			try {
				Files.deleteIfExists(file.path());
			}
			catch (IOException ex) {
				log.error("已登记的文件无法从收件箱移出,下次运行将完成 (recorded file could not leave the inbox; next run finishes it): {}",
						file.receivedPath(), ex);
			}
		}
		if (markLater) {
			waiting.addAll(ids);
		}
		else if (!ids.isEmpty()) {
			ownTransaction.executeWithoutResult(status -> ledger.markCleared(ids));
		}
	}

	/**
	 * Marks the entries waiting in the caller's transaction; if it rolls back, they wait
	 * again.
	 */
	void markInCurrentTransaction() {
		List<Long> ids = drained();
		if (ids.isEmpty()) {
			return;
		}
		ledger.markCleared(ids);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				if (status != STATUS_COMMITTED) {
					waiting.addAll(ids);
				}
			}
		});
	}

	/** Marks the entries waiting, in a transaction of their own. */
	void markWaiting() {
		List<Long> ids = drained();
		if (!ids.isEmpty()) {
			ownTransaction.executeWithoutResult(status -> ledger.markCleared(ids));
		}
	}

	private List<Long> drained() {
		List<Long> ids = new ArrayList<>();
		for (Long id = waiting.poll(); id != null; id = waiting.poll()) {
			ids.add(id);
		}
		return ids;
	}

	/**
	 * Deletes the private copy of a file's bytes, once what was read of it is recorded
	 * (the archive holds its own).
	 */
	static void discardCopy(InboxFile file) {
		if (file.copied()) {
			try {
				Files.deleteIfExists(file.bytes());
			}
			catch (IOException ex) {
				log.warn("无法删除临时副本,下次运行将清理 (private copy not deleted; the next run clears it): {}", file.bytes());
			}
		}
	}

}
