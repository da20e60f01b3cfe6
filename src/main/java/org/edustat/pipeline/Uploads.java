package org.edustat.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.edustat.core.DistrictCode;
import org.edustat.core.Finding;
import org.edustat.core.Identity;
import org.edustat.examine.Examined;
import org.edustat.examine.Inspection;
import org.edustat.examine.Inspector;
import org.edustat.intake.Inbox;
import org.edustat.intake.InboxFile;
import org.edustat.load.FileRecorder;
import org.edustat.season.PeriodLocks;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An upload, checked exactly as the run will check it (the statisticians' files and rules
 * as they are now, the school's history as loaded) and given the verdict the run would
 * give:
 * <ul>
 * <li>a workbook for a locked period is refused with the lock's reason (L01), recorded
 * like any refusal;</li>
 * <li>a workbook with an error (or one that cannot be read as a workbook) is recorded at
 * once as 已退回 — its bytes kept in the archive, its findings in the ledger, its 回执 written
 * — and never put into the inbox as if it would load;</li>
 * <li>a workbook without errors is put into the inbox, to load at the next run (which
 * writes its 回执);</li>
 * <li>a 区县 user's workbook of another 区县's school (by 学校名录, else by the workbook's code)
 * is refused and not kept: it is not that user's to send.</li>
 * </ul>
 */
public class Uploads {

	/** The inbox folder uploads are put in, and the prefix of their path as received. */
	public static final String FOLDER = "上传";

	private final Inspector inspector;

	private final Inbox inbox;

	private final FileRecorder recorder;

	private final Receipts receipts;

	private final TransactionTemplate transaction;

	private final PeriodLocks locks;

	public Uploads(Inspector inspector, Inbox inbox, FileRecorder recorder, Receipts receipts,
			PlatformTransactionManager transactions, PeriodLocks locks) {
		this.locks = locks;
		this.inspector = inspector;
		this.inbox = inbox;
		this.recorder = recorder;
		this.receipts = receipts;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** What became of an upload. */
	public enum Verdict {

		/** Put into the inbox; loads at the next run. */
		QUEUED,

		/** Recorded at once as 已退回, with its 回执. */
		REJECTED,

		/** Not the user's to send; not kept. */
		NOT_YOURS

	}

	/**
	 * @param name the file's name as it is kept (safe), the same as {@code file}'s
	 * @param inspection what checking it found
	 * @param receipt the 回执 written for a refusal
	 * @param refusal why it was not the user's to send
	 */
	public record Result(Verdict verdict, String name, Inspection inspection, Optional<Path> receipt,
			@Nullable String refusal) {

		/** The school and period as read, 「学校名称 2023年上半年」, if a school could be read. */
		public Optional<String> school() {
			return Optional.ofNullable(inspection.submission()).map(s -> s.school().name() + " " + s.period().label());
		}
	}

	/**
	 * Takes an uploaded file (a temporary copy named as the user's file); the caller
	 * removes the copy afterwards.
	 * @param scope the user's 区县, {@code null} for a city-wide user
	 */
	public Result receive(Path file, String username, @Nullable DistrictCode scope) throws IOException {
		return receive(file, username, scope, null);
	}

	/**
	 * The same for a school's account, which sends its own school's workbooks only:
	 * another school's is refused and not kept; one that names no school is kept as the
	 * school's.
	 * @param school the school of a school's account, {@code null} for other users
	 */
	public Result receive(Path file, String username, @Nullable DistrictCode scope, @Nullable String school)
			throws IOException {
		String name = file.getFileName().toString();
		Inspection inspection = inspector.inspectNow(file);
		Optional<Finding> locked = inspection.submission() == null ? Optional.empty()
				: locks.refusal(inspection.submission().period().code());
		if (locked.isPresent()) {
			List<Finding> findings = new ArrayList<>(inspection.findings());
			findings.add(locked.get());
			inspection = new Inspection(inspection.format(), inspection.submission(), null, List.copyOf(findings),
					inspection.identity(), inspection.form());
		}
		boolean refused = inspection.reference() == null && (inspection.submission() == null || inspection.hasErrors());
		String district = inspection.identity() == null ? null : inspection.identity().districtCode();
		if (school != null) {
			String named = inspection.identity() == null ? null : inspection.identity().schoolId();
			if (inspection.reference() != null || named != null && !named.equals(school)) {
				return new Result(Verdict.NOT_YOURS, name, inspection, Optional.empty(),
						(inspection.reference() != null ? "这是参考数据（区县、学校名录或年度目标），学校不能上传" : "这份报表的学校标识码为" + named)
								+ "，只能上传本校（" + school + "）的报表");
			}
			if (named == null) {
				Identity read = inspection.identity() == null ? Identity.UNKNOWN : inspection.identity();
				inspection = new Inspection(inspection.format(), inspection.submission(), inspection.reference(),
						inspection.findings(),
						new Identity(school, null, read.period(), scope == null ? read.districtCode() : scope.value()),
						inspection.form());
				district = scope == null ? read.districtCode() : scope.value();
			}
		}
		if (scope != null && !(refused && district == null) && !scope.value().equals(district)) {
			return new Result(Verdict.NOT_YOURS, name, inspection, Optional.empty(),
					(district == null ? "读不出这份报表所属的区县" : "这份报表的学校属于区县" + district) + "，只能上传本区县（" + scope.value()
							+ "）学校的报表");
		}
		if (!refused) {
			Path kept = inbox.receiveUpload(username, name, file);
			return new Result(Verdict.QUEUED, kept.getFileName().toString(), inspection, Optional.empty(), null);
		}
		InboxFile received = new InboxFile(file, FOLDER + "/" + username + "/" + name, Files.size(file),
				Files.getLastModifiedTime(file).toInstant());
		Examined examined = new Examined(received, received.sha256(), Examined.Outcome.REJECTED,
				inspection.submission(), null, inspection.findings(), null,
				inspection.identity() == null ? Identity.UNKNOWN : inspection.identity(), null);
		List<Examined> recorded = transaction.execute(status -> recorder.record(List.of(examined), null));
		Optional<Path> receipt = recorded == null || recorded.isEmpty() ? Optional.empty()
				: receipts.write(recorded.get(0), inspection.form());
		return new Result(Verdict.REJECTED, name, inspection, receipt, null);
	}

}
