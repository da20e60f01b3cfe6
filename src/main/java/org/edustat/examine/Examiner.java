package org.edustat.examine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.edustat.core.DistrictCode;
import org.edustat.core.Finding;
import org.edustat.core.Identity;
import org.edustat.form.Form;
import org.edustat.intake.Inbox;
import org.edustat.intake.InboxFile;
import org.edustat.ledger.Ledger;
import org.edustat.ledger.LedgerEntry;

/**
 * Examines one inbox file for the import: its hash, whether the ledger has seen it, and
 * what the {@link Inspector} finds in it with the form and rules in force — all of one
 * private copy of its bytes. Touches neither the archive nor the inbox.
 */
public class Examiner {

	private final Ledger ledger;

	private final Inspector inspector;

	private final JobFiles jobFiles;

	private final Path copies;

	/**
	 * @param copies the folder of the private copies of the files examined: each file's
	 * bytes are taken once, and its hash, what is read and what is archived are those
	 * bytes
	 */
	public Examiner(Ledger ledger, Inspector inspector, JobFiles jobFiles, Path copies) {
		this.copies = copies;
		this.ledger = ledger;
		this.inspector = inspector;
		this.jobFiles = jobFiles;
	}

	/** The form in force. */
	public Form form() {
		return jobFiles.form();
	}

	/**
	 * Deletes the private copies an earlier run left (killed before it recorded them): at
	 * the start of a run, when no other run can be examining (one import at a time).
	 */
	public void discardCopies() {
		if (!Files.isDirectory(copies)) {
			return;
		}
		try (Stream<Path> left = Files.list(copies)) {
			for (Path copy : left.toList()) {
				Files.deleteIfExists(copy);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("无法清理临时副本 (cannot clear the private copies) " + copies, ex);
		}
	}

	/** Whether a file is a reference workbook; unreadable files are not. */
	public boolean isReference(InboxFile file) {
		return inspector.isReference(file);
	}

	/**
	 * Where a reference workbook stands in the order of application: 区县, then 学校名录, then
	 * 年度目标.
	 */
	public int referenceRank(InboxFile file) {
		return inspector.referenceRank(file);
	}

	/** Examines a file with the form and the within-workbook rules in force. */
	public Examined examine(InboxFile listed, Predicate<DistrictCode> knownDistrict) {
		if (!listed.readable()) {
			String marker = listed.unreadableMarker();
			LedgerEntry noted = ledger.withHash(marker)
				.stream()
				.filter(e -> e.receivedPath().equals(listed.receivedPath()))
				.findFirst()
				.orElse(null);
			return new Examined(listed, marker, Examined.Outcome.UNREADABLE, null, null, List.of(), noted,
					Identity.UNKNOWN, null);
		}
		InboxFile file;
		try {
			file = listed.copiedInto(copies);
		}
		catch (IOException ex) {
			if (Files.exists(listed.path()) && listed.readable()) {
				// this side's failure (a full disk): not the file's
				throw new UncheckedIOException("无法复制文件 (cannot copy the file to read it) " + listed.receivedPath(), ex);
			}
			// gone or unreadable since it was listed: the writer leaves a file that
			// changed, and notes one that cannot be read
			return new Examined(listed, listed.unreadableMarker(), Examined.Outcome.UNREADABLE, null, null, List.of(),
					null, Identity.UNKNOWN, null);
		}
		String sha256 = file.sha256();
		List<LedgerEntry> sameBytes = ledger.withHash(sha256);
		Optional<LedgerEntry> leftover = sameBytes.stream()
			.filter(e -> e.leftInInboxAt(file.receivedPath()))
			.findFirst();
		if (leftover.isPresent()) {
			return new Examined(file, sha256, Examined.Outcome.LEFTOVER, null, null, List.of(), leftover.get(),
					Identity.UNKNOWN, null);
		}
		if (Inbox.ignoredBecause(file.fileName()).isPresent()) {
			return new Examined(file, sha256, Examined.Outcome.IGNORED, null, null, List.of(), null, Identity.UNKNOWN,
					null);
		}
		Optional<LedgerEntry> earlier = sameBytes.stream().findFirst();
		if (earlier.isPresent()) {
			return new Examined(file, sha256, Examined.Outcome.DUPLICATE, null, null, List.of(), earlier.get(),
					Identity.UNKNOWN, null);
		}
		Inspection inspection = inspector.inspect(file.bytes(), file.fileName(), knownDistrict, jobFiles);
		Examined.Outcome outcome = inspection.reference() != null ? Examined.Outcome.REFERENCE
				: inspection.submission() == null || inspection.hasErrors() ? Examined.Outcome.REJECTED
						: Examined.Outcome.SUBMISSION;
		return new Examined(file, sha256, outcome, inspection.submission(), inspection.reference(),
				inspection.findings(), null, inspection.identity(), null);
	}

	/**
	 * A file whose examination failed for a cause nobody foresaw: refused with F08 (the
	 * cause in the log, not in the school's message).
	 */
	public Examined failed(InboxFile file, RuntimeException cause) {
		Finding finding = Inspector.unforeseen("examining", file.receivedPath(), cause);
		return new Examined(file, file.sha256(), Examined.Outcome.REJECTED, null, null, List.of(finding), null,
				Identity.UNKNOWN, null);
	}

}
