package org.edustat.core;

/** How a finding weighs: an error blocks the submission, a warning only flags it. */
public enum Severity {

	ERROR("错误"), WARNING("警告");

	private final String label;

	Severity(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
