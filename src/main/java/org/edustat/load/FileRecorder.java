package org.edustat.load;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.edustat.core.CellRef;
import org.edustat.core.Finding;
import org.edustat.core.Identity;
import org.edustat.core.LogText;
import org.edustat.core.Submission;
import org.edustat.examine.Examined;
import org.edustat.intake.Archive;
import org.edustat.intake.InboxFile;
import org.edustat.ledger.FileStatus;
import org.edustat.ledger.FindingStore;
import org.edustat.ledger.Ledger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records examined files in the caller's transaction: the ledger entry, the findings and
 * the loaded data (the originals are archived by then). Files leave the inbox only after
 * that transaction commits; a crash in between leaves them to be taken again, and the
 * ledger recognises them.
 */
public class FileRecorder {

	private static final Logger log = LoggerFactory.getLogger(FileRecorder.class);

	private final Ledger ledger;

	private final SubmissionStore submissions;

	private final FindingStore findings;

	private final TransactionTemplate afterCommit;

	private final Clock clock;

	private final Archive archive;

	private final LedgerEntries entries;

	private final LeavingInbox leaving;

	public FileRecorder(Ledger ledger, Archive archive, SubmissionStore submissions, ReferenceStore references,
			FindingStore findings, PlatformTransactionManager transactionManager, Clock clock) {
		this.ledger = ledger;
		this.archive = archive;
		this.submissions = submissions;
		this.findings = findings;
		this.afterCommit = new TransactionTemplate(transactionManager);
		this.afterCommit.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.entries = new LedgerEntries(ledger, references, findings, clock);
		this.leaving = new LeavingInbox(ledger, afterCommit);
	}

	/**
	 * Keeps a file's original bytes in the archive (once: the archive names files by
	 * their hash) and returns where; a leftover keeps the place its entry names.
	 */
	private String archived(Examined examined) {
		String kept = examined.outcome() == Examined.Outcome.LEFTOVER
				? Objects.requireNonNull(examined.earlier()).archivePath() : null;
		if (kept != null && Files.exists(archive.resolve(kept))) {
			return kept;
		}
		return archive.store(examined.file(), examined.sha256(), examined.archivePeriod(), examined.archiveDistrict());
	}

	/**
	 * Archives and records a chunk of examined files; must run inside a transaction. The
	 * entries of files that left the inbox are marked in it at once.
	 * @return the files recorded, each with the place its original is kept (a file
	 * changed since it was examined is not)
	 */
	public List<Examined> record(List<? extends Examined> chunk, @Nullable Long jobExecutionId) {
		return record(chunk, jobExecutionId, false);
	}

	/**
	 * Records a chunk of a run, as {@link #record}, with the marks of the files the last
	 * chunks took out of the inbox; this chunk's wait for the next one, or for
	 * {@link #markLeftInbox} at the step's end.
	 */
	public List<Examined> recordInRun(List<? extends Examined> chunk, long jobExecutionId) {
		leaving.markInCurrentTransaction();
		return record(chunk, jobExecutionId, true);
	}

	/** Marks the entries of files a run took out of the inbox and has not marked yet. */
	public void markLeftInbox() {
		leaving.markWaiting();
	}

	private List<Examined> record(List<? extends Examined> chunk, @Nullable Long jobExecutionId, boolean markLater) {
		List<Examined> recorded = new ArrayList<>();
		List<Long> done = new ArrayList<>();
		List<InboxFile> files = new ArrayList<>();
		List<InboxFile> discarded = new ArrayList<>();
		Map<String, Long> seen = new HashMap<>();
		SubmissionStore.Batch batch = submissions.batch();
		// what the ledger held before this chunk, looked up once for its files; what the
		// chunk itself records is in seen
		Map<String, Long> before = ledger.firstIdsWithHash(
				chunk.stream().filter(e -> e.earlier() == null).map(Examined::sha256).distinct().toList());
		for (Examined examined : chunk) {
			if (examined.outcome() != Examined.Outcome.LEFTOVER && !examined.file().unchanged()) {
				// what was examined is no longer what is there: recording it would
				// archive, load or remove other bytes
				// than the ones read. Left untouched for the next run, which takes the
				// file as it is then.
				log.warn("文件在处理期间被替换、改写或仍在写入,本次不登记,留待下次运行 (file changed while it was processed; left for the "
						+ "next run): {}", LogText.of(examined.file().receivedPath()));
				discarded.add(examined.file());
				continue;
			}
			if (examined.outcome() == Examined.Outcome.UNREADABLE) {
				// nothing of it can be read, kept or removed: noted once in the ledger,
				// left where it is for its sender
				if (examined.earlier() == null) {
					entries.unreadable(examined, jobExecutionId);
				}
				discarded.add(examined.file());
				continue;
			}
			Examined archived = examined.archivedAt(archived(examined));
			Long sameBytes = seen.get(examined.sha256());
			if (sameBytes == null && examined.earlier() != null) {
				sameBytes = examined.earlier().id();
			}
			else if (sameBytes == null) {
				sameBytes = before.get(examined.sha256());
			}
			long id = record(archived, sameBytes, batch, jobExecutionId);
			recorded.add(archived);
			seen.putIfAbsent(examined.sha256(), id);
			done.add(id);
			files.add(examined.file());
		}
		batch.flush();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				leaving.leave(files, done, markLater);
				discarded.forEach(LeavingInbox::discardCopy);
			}
		});
		return recorded;
	}

	/**
	 * Records one file; {@code sameBytes} is the entry of its bytes recorded before it,
	 * if any (in this chunk, or in the ledger before it).
	 */
	private long record(Examined examined, @Nullable Long sameBytes, SubmissionStore.Batch batch,
			@Nullable Long jobExecutionId) {
		if (examined.outcome() == Examined.Outcome.LEFTOVER) {
			log.info("收件箱中残留的已登记文件,完成移出 (finishing removal of an already recorded file): {}",
					examined.file().receivedPath());
			return Objects.requireNonNull(examined.earlier()).id();
		}
		if (examined.outcome() == Examined.Outcome.IGNORED) {
			return entries.ignored(examined, jobExecutionId);
		}
		if (sameBytes != null) {
			return entries.duplicate(examined, ledger.find(sameBytes).orElseThrow(), jobExecutionId);
		}
		return switch (examined.outcome()) {
			case REFERENCE -> entries.reference(examined, jobExecutionId);
			case SUBMISSION -> submission(examined, batch, jobExecutionId);
			default -> entries.rejected(examined, jobExecutionId);
		};
	}

	private long submission(Examined examined, SubmissionStore.Batch batch, @Nullable Long jobExecutionId) {
		Submission s = examined.loaded();
		String school = s.school().id().value();
		String period = s.period().code();
		String district = s.school().district().value();
		Optional<CurrentSubmission> current = submissions.current(school, period);
		// a file's own time never counts past the moment EduStat received it: a clock set
		// to 2099 cannot beat every
		// later correction; equal times go to the file taken later (path order within a
		// run, arrival across runs)
		Instant now = clock.instant();
		Instant time = examined.file().modifiedAt().isAfter(now) ? now : examined.file().modifiedAt();
		if (current.isPresent() && current.get().modifiedAt().isAfter(time)) {
			long id = ledger.insert(entries.entry(examined, "学校报表", school, s.school().name(), period, district,
					FileStatus.SUPERSEDED, "已有修改时间更晚的报表(文件#" + current.get().fileId() + "),本文件不入库",
					current.get().fileId(), jobExecutionId));
			findings.insert(id, school, period, examined.findings(), LedgerEntries.explanations(examined));
			return id;
		}
		long id = ledger.insert(entries.entry(examined, "学校报表", school, s.school().name(), period, district,
				FileStatus.LOADED, LedgerEntries.warnings(examined.findings()), null, jobExecutionId));
		ledger.note(id, s.notes());
		if (current.isPresent()) {
			batch.replace(s, id, time, now);
		}
		else {
			batch.insert(s, id, time, now);
		}
		current.ifPresent(c -> ledger.markSuperseded(c.fileId(), id));
		findings.insert(id, school, period, examined.findings(), LedgerEntries.explanations(examined));
		return id;
	}

	/**
	 * Records, in a transaction of its own, a file whose recording failed for a cause
	 * nobody foresaw: refused with code Q01 (the school is told its file is kept and the
	 * bureau will look at it; the cause goes to the log only), its original kept in the
	 * archive, and the inbox emptied of it once that entry commits.
	 */
	public void quarantine(Examined refused, Throwable cause, @Nullable Long jobExecutionId) {
		Examined examined = refused.archivePath() != null ? refused : refused.archivedAt(archived(refused));
		log.error("文件无法记录,已隔离 (recording failed, file quarantined as Q01): {} — {}", examined.file().receivedPath(),
				Redaction.redacted(cause, examined.submission()));
		Identity identity = examined.identity() == null ? Identity.UNKNOWN : examined.identity();
		String message = "文件未能入库(系统处理时出错),原件已保存,请联系教育局统计人员";
		long id = afterCommit.execute(status -> {
			long entry = ledger.insert(entries.entry(examined, "学校报表", identity.schoolId(), identity.schoolName(),
					identity.period(), identity.districtCode(), FileStatus.REJECTED, message, null, jobExecutionId));
			findings.insert(entry, identity.schoolId(), identity.period(), List.of(Finding.error("Q01",
					CellRef.workbook(), message, "recording failed: " + cause.getClass().getSimpleName())), Map.of());
			return entry;
		});
		leaving.leave(List.of(examined.file()), List.of(id), false);
	}

}
