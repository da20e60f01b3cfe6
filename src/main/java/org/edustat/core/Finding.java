package org.edustat.core;

/**
 * Something wrong with a file or a submission: a rule or intake code, its severity, the
 * cell as the school sees it, the Chinese message a school reads, the English reason an
 * operator reads, and the values involved.
 */
public record Finding(String code, Severity severity, CellRef cell, String message, String reason, String values) {

	public static Finding error(String code, CellRef cell, String message, String reason) {
		return new Finding(code, Severity.ERROR, cell, message, reason, "");
	}

	public boolean isError() {
		return severity == Severity.ERROR;
	}
}
