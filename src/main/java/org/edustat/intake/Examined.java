package org.edustat.intake;

import java.util.ArrayList;
import java.util.List;

import org.edustat.core.Finding;
import org.edustat.core.Identity;
import org.edustat.core.ReferenceData;
import org.edustat.core.Submission;

/**
 * What examining one inbox file found: a submission or reference data to load, a rejection with its findings, a
 * duplicate of a file already in the ledger, or a leftover whose ledger entry committed before a crash. The
 * original is already in the archive, at {@code archivePath}; {@code identity} is what could be read of whose file
 * it is, even when it was refused.
 */
public record Examined(InboxFile file, String sha256, Outcome outcome, Submission submission, ReferenceData reference,
		List<Finding> findings, Long earlierEntry, String archivePath, Identity identity) {

	/** The kinds of outcome. */
	public enum Outcome {
		SUBMISSION, REFERENCE, REJECTED, DUPLICATE, LEFTOVER, IGNORED
	}

	/** This file with more findings: refused if any of them is an error. */
	public Examined with(List<Finding> more) {
		List<Finding> all = new ArrayList<>(findings);
		all.addAll(more);
		Outcome checked = outcome == Outcome.SUBMISSION && more.stream().anyMatch(Finding::isError) ? Outcome.REJECTED : outcome;
		return new Examined(file, sha256, checked, submission, reference, List.copyOf(all), earlierEntry, archivePath, identity);
	}

	public boolean hasErrors() {
		return findings.stream().anyMatch(Finding::isError);
	}
}
