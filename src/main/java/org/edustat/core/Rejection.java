package org.edustat.core;

import java.util.List;

/**
 * Thrown when a file cannot be taken; carries every finding that says why, and what is
 * known of whose file it is.
 */
public class Rejection extends RuntimeException {

	private final List<Finding> findings;

	private final Identity identity;

	public Rejection(List<Finding> findings, Identity identity) {
		super(findings.isEmpty() ? "rejected" : findings.get(0).reason());
		this.findings = List.copyOf(findings);
		this.identity = identity;
	}

	public Rejection(List<Finding> findings) {
		this(findings, Identity.UNKNOWN);
	}

	public Rejection(Finding finding) {
		this(List.of(finding));
	}

	public List<Finding> findings() {
		return findings;
	}

	/** The school, period and 区县 as far as they could be read. */
	public Identity identity() {
		return identity;
	}

}
