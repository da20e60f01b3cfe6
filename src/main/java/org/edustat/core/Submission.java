package org.edustat.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A school's normalised submission for one period: identity, contact and its sheets. */
public record Submission(SchoolProfile school, Period period, Contact contact, Map<SheetKind, SheetData> sheets,
		List<String> notes) {

	public Optional<SheetData> sheet(SheetKind kind) {
		return Optional.ofNullable(sheets.get(kind));
	}
}
