package org.edustat.core;

import java.util.List;

/** Thrown when a file cannot be taken; carries every finding that says why. */
public class Rejection extends RuntimeException {

	private final List<Finding> findings;

	public Rejection(List<Finding> findings) {
		super(findings.isEmpty() ? "rejected" : findings.get(0).reason());
		this.findings = List.copyOf(findings);
	}

	public Rejection(Finding finding) {
		this(List.of(finding));
	}

	public List<Finding> findings() {
		return findings;
	}
}
