package org.edustat.normalise;

import java.util.ArrayList;
import java.util.List;

import org.edustat.core.CellRef;
import org.edustat.core.Finding;
import org.edustat.core.Severity;

/**
 * Collects what is wrong with a workbook so that a school is told everything at once, not
 * one error a round.
 */
final class Problems {

	private final List<Finding> findings = new ArrayList<>();

	void add(String code, CellRef cell, String message, String reason) {
		findings.add(Finding.error(code, cell, message, cell.sheet().isEmpty() ? reason : reason + " at " + cell));
	}

	/** A row not applied while the rest of its sheet is: a warning at its cell. */
	void warn(String code, CellRef cell, String message, String reason) {
		findings.add(new Finding(code, Severity.WARNING, cell, message, reason + " at " + cell, ""));
	}

	boolean isEmpty() {
		return findings.isEmpty();
	}

	List<Finding> findings() {
		return findings;
	}

}
