package org.edustat.examine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.edustat.core.Finding;
import org.edustat.core.Identity;
import org.edustat.core.ReferenceData;
import org.edustat.core.Submission;
import org.edustat.intake.InboxFile;
import org.edustat.ledger.LedgerEntry;
import org.jspecify.annotations.Nullable;

/**
 * What examining one inbox file found: a submission or reference data to load, a
 * rejection with its findings, a duplicate of a file already in the ledger
 * ({@code earlier}), a leftover whose ledger entry committed before a crash, or a file
 * ignored with a reason. {@code identity} is what could be read of whose file it is, even
 * when it was refused; {@code archivePath} is where its original is kept, once it is.
 */
public record Examined(InboxFile file, String sha256, Outcome outcome, @Nullable Submission submission,
		@Nullable ReferenceData reference, List<Finding> findings, @Nullable LedgerEntry earlier, Identity identity,
		@Nullable String archivePath) {

	/** The archive folder of reference workbooks. */
	public static final String REFERENCE_FOLDER = "参考数据";

	/** The kinds of outcome. */
	public enum Outcome {

		SUBMISSION, REFERENCE, REJECTED, DUPLICATE, LEFTOVER, IGNORED,
		/**
		 * Its bytes cannot be read (permissions): noted in the ledger, left where it is.
		 */
		UNREADABLE

	}

	/**
	 * The submission of a file whose outcome is {@link Outcome#SUBMISSION}: it has one.
	 */
	public Submission loaded() {
		return Objects.requireNonNull(submission, "a submission without its figures");
	}

	/** This file with more findings: refused if any of them is an error. */
	public Examined with(List<Finding> more) {
		List<Finding> all = new ArrayList<>(findings);
		all.addAll(more);
		Outcome checked = outcome == Outcome.SUBMISSION && more.stream().anyMatch(Finding::isError) ? Outcome.REJECTED
				: outcome;
		return new Examined(file, sha256, checked, submission, reference, List.copyOf(all), earlier, identity,
				archivePath);
	}

	/** This file, its original kept at the given path of the archive. */
	public Examined archivedAt(String path) {
		return new Examined(file, sha256, outcome, submission, reference, findings, earlier, identity, path);
	}

	public boolean hasErrors() {
		return findings.stream().anyMatch(Finding::isError);
	}

	/** The period folder its original is archived under. */
	public @Nullable String archivePeriod() {
		return outcome == Outcome.REFERENCE ? REFERENCE_FOLDER : earlier != null ? earlier.period() : identity.period();
	}

	/** The 区县 folder its original is archived under. */
	public @Nullable String archiveDistrict() {
		return earlier != null ? earlier.districtCode() : identity.districtCode();
	}

	/**
	 * Whether a 回执 can be written for it: it was read, and it is a school's submission,
	 * kept or refused.
	 */
	public boolean wantsFeedback() {
		boolean readable = findings.stream().noneMatch(f -> f.code().startsWith("F"));
		return readable && (outcome == Outcome.SUBMISSION || outcome == Outcome.REJECTED);
	}
}
