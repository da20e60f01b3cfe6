package org.edustat.normalise;

import java.util.List;
import java.util.Optional;

import org.edustat.core.CellRef;
import org.edustat.form.Closest;
import org.edustat.form.Field;

/**
 * A header, row label or item label that nothing in the form answers to, and where it
 * stands.
 */
record Unrecognised(String text, CellRef cell) {

	/** The field of those given that this text most probably means. */
	Optional<Field> closest(List<Field> fields) {
		return Closest.field(fields, text);
	}

	/** 「女职工」(教职工!C3) */
	String shown() {
		return "「" + text + "」(" + cell + ")";
	}
}
