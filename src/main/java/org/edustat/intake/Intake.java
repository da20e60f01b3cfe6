package org.edustat.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.edustat.core.DistrictCode;
import org.edustat.core.FileFormat;
import org.edustat.core.Identity;
import org.edustat.form.Form;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.edustat.core.Finding;
import org.edustat.core.ReferenceData;
import org.edustat.core.Rejection;
import org.edustat.core.Submission;
import org.edustat.normalise.ReferenceNormaliser;
import org.edustat.normalise.SubmissionNormaliser;
import org.edustat.normalise.internal.RawWorkbook;
import org.edustat.normalise.internal.ReadLimits;
import org.edustat.normalise.internal.WorkbookReader;

/** Examines one inbox file: its hash, whether it was seen before, whether it can be read, and what it holds. */
public class Intake {

	private static final Logger log = LoggerFactory.getLogger(Intake.class);

	/** The archive folder of reference workbooks. */
	public static final String REFERENCE_FOLDER = "参考数据";

	private final Ledger ledger;

	private final Archive archive;

	private final FileGuard guard;

	private final WorkbookReader reader = new WorkbookReader();

	private final SubmissionChecks checks;

	public Intake(Ledger ledger, Archive archive, FileGuard guard, SubmissionChecks checks) {
		this.ledger = ledger;
		this.archive = archive;
		this.guard = guard;
		this.checks = checks;
	}

	/**
	 * What a workbook holds and what is wrong with it, without touching the ledger, the archive or the database.
	 * @param identity the school, period and 区县 as far as 基本情况 could be read, even when the workbook is refused
	 */
	public record Inspection(FileFormat format, Submission submission, ReferenceData reference, List<Finding> findings,
			Identity identity) {

		public boolean hasErrors() {
			return findings.stream().anyMatch(Finding::isError);
		}
	}

	/** The form in force. */
	public Form form() {
		return checks.form();
	}

	/** Whether a file is a reference workbook (区县, 学校名录, 年度目标), told by its sheets; unreadable files are not. */
	public boolean isReference(InboxFile file) {
		if (Inbox.ignoredBecause(file.fileName()).isPresent()) {
			return false;
		}
		try {
			FileFormat format = guard.check(file.path());
			return new ReferenceNormaliser(checks.form())
				.isReference(reader.read(file.path(), format, name -> false, ReadLimits.SUBMISSION).sheetNames());
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	/** Examines a file and keeps its original bytes in the archive (once: the archive names files by their hash). */
	public Examined examine(InboxFile file, Predicate<DistrictCode> knownDistrict) {
		String sha256 = sha256(file);
		Optional<LedgerEntry> leftover = ledger.uncleared(file.receivedPath(), sha256);
		if (leftover.isPresent()) {
			return archived(file, sha256, Examined.Outcome.LEFTOVER, null, null, List.of(), leftover.get(),
					leftover.get().period(), leftover.get().districtCode(), Identity.UNKNOWN);
		}
		if (Inbox.ignoredBecause(file.fileName()).isPresent()) {
			return archived(file, sha256, Examined.Outcome.IGNORED, null, null, List.of(), null, null, null, Identity.UNKNOWN);
		}
		Optional<LedgerEntry> earlier = ledger.firstWithHash(sha256);
		if (earlier.isPresent()) {
			return archived(file, sha256, Examined.Outcome.DUPLICATE, null, null, List.of(), earlier.get(),
					earlier.get().period(), earlier.get().districtCode(), Identity.UNKNOWN);
		}
		Inspection inspection = inspect(file.path(), knownDistrict);
		Submission s = inspection.submission();
		Examined.Outcome outcome = inspection.reference() != null ? Examined.Outcome.REFERENCE
				: s == null || inspection.hasErrors() ? Examined.Outcome.REJECTED : Examined.Outcome.SUBMISSION;
		String period = outcome == Examined.Outcome.REFERENCE ? REFERENCE_FOLDER : inspection.identity().period();
		return archived(file, sha256, outcome, s, inspection.reference(), inspection.findings(), null, period,
				inspection.identity().districtCode(), inspection.identity());
	}

	/**
	 * A file whose examination failed for a cause nobody foresaw: refused with F08 (the cause in the log, not in the
	 * school's message), its bytes archived.
	 */
	public Examined failed(InboxFile file, RuntimeException cause) {
		Finding finding = unforeseen("examining", file.receivedPath(), cause);
		String sha256 = sha256(file);
		return archived(file, sha256, Examined.Outcome.REJECTED, null, null, List.of(finding), null, null, null,
				Identity.UNKNOWN);
	}

	/** The F08 finding of a file whose reading or examining failed for a cause nobody foresaw; the cause goes to the log. */
	private static Finding unforeseen(String what, String file, RuntimeException cause) {
		log.error("文件无法处理,已退回 ({} failed, file refused as F08): {} — {}: {}", what, file, cause.getClass().getName(),
				String.valueOf(cause.getMessage()).lines().findFirst().orElse(""));
		return FileGuard.reject("F08", "文件无法处理(系统读取时出错),原件已保存,请联系教育局统计人员",
				what + " failed: " + cause.getClass().getSimpleName()).findings().get(0);
	}

	/** Reads, normalises and checks one workbook with the form and rules in force: what the import records. */
	public Inspection inspect(Path path, Predicate<DistrictCode> knownDistrict) {
		return inspect(path, knownDistrict, checks);
	}

	/** Reads, normalises and checks one workbook with the given form and rules: what a dry run or an upload shows. */
	public Inspection inspect(Path path, Predicate<DistrictCode> knownDistrict, SubmissionChecks checks) {
		FileFormat format = null;
		Form form = checks.form();
		try {
			format = guard.check(path);
			RawWorkbook workbook = reader.read(path, format, name -> SubmissionNormaliser.wanted(form, name),
					ReadLimits.SUBMISSION);
			ReferenceNormaliser references = new ReferenceNormaliser(form);
			if (references.isReference(workbook.sheetNames())) {
				RawWorkbook full = reader.read(path, format, references::wanted, ReadLimits.REFERENCE);
				return new Inspection(format, null, references.normalise(full), List.of(), Identity.UNKNOWN);
			}
			Submission submission = new SubmissionNormaliser(form, knownDistrict).normalise(workbook);
			return new Inspection(format, submission, null, checks.check(submission), submission.identity());
		}
		catch (Rejection rejection) {
			return new Inspection(format, null, null, rejection.findings(), rejection.identity());
		}
		catch (IOException ex) {
			Finding finding = FileGuard.reject("F02", "文件无法读取:" + ex.getMessage(), "unreadable file: " + ex).findings().get(0);
			return new Inspection(format, null, null, List.of(finding), Identity.UNKNOWN);
		}
		catch (RuntimeException ex) {
			return new Inspection(format, null, null, List.of(unforeseen("reading", path.getFileName().toString(), ex)),
					Identity.UNKNOWN);
		}
	}

	private Examined archived(InboxFile file, String sha256, Examined.Outcome outcome, Submission submission,
			ReferenceData reference, List<Finding> findings, LedgerEntry earlier, String period, String district,
			Identity identity) {
		String archivePath = outcome == Examined.Outcome.LEFTOVER && earlier.archivePath() != null
				&& Files.exists(archive.resolve(earlier.archivePath())) ? earlier.archivePath()
						: archive.store(file, sha256, period, district);
		return new Examined(file, sha256, outcome, submission, reference, findings, earlier == null ? null : earlier.id(),
				archivePath, identity);
	}

	static String sha256(InboxFile file) {
		try (InputStream in = Files.newInputStream(file.path())) {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[65536];
			for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
				digest.update(buffer, 0, n);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("无法读取文件 (cannot read) " + file.receivedPath(), ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
