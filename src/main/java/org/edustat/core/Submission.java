package org.edustat.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A school's normalised submission for one period: identity, contact, its sheets, what
 * was noted while reading it, and the explanations (说明) a school wrote against earlier
 * warnings, by rule code and cell.
 */
public record Submission(SchoolProfile school, Period period, Contact contact, Map<String, SheetData> sheets,
		List<String> notes, Map<String, String> explanations) {

	/**
	 * The same submission filed under another 区县 (the registry's, where the school is
	 * registered elsewhere).
	 */
	public Submission inDistrict(DistrictCode district) {
		return new Submission(new SchoolProfile(school.id(), school.name(), district, school.type(), school.sponsor(),
				school.urbanRural()), period, contact, sheets, notes, explanations);
	}

	/** The key of an explanation: a rule code and a cell. */
	public static String explanationKey(String code, String cell) {
		return code + "|" + cell;
	}

	/** The sheet of this canonical name, if the workbook had it. */
	/** Whose submission it is, for the ledger, the archive and the 回执. */
	public Identity identity() {
		return new Identity(school.id().value(), school.name(), period.code(), school.district().value());
	}

	public Optional<SheetData> sheet(String name) {
		return Optional.ofNullable(sheets.get(name));
	}
}
