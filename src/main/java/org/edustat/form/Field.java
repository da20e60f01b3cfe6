package org.edustat.form;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An item, row or column of the form.
 *
 * @param name the canonical name, as stored and as rules and indicators name it
 * @param aliases other names schools give it (compared after {@link Labels#key})
 * @param type what its cells hold
 * @param unit the unit the form asks for (may be empty)
 * @param convert other units a header or value may state, with the factor to the form's
 * unit (元 → 0.0001 万元)
 * @param required whether a workbook without it is refused
 * @param variable the name audit rules use for it (columns and items), or null
 * @param stage the 学段 of a grade row, or null
 * @param total whether it is the total row (合计) of a grid
 * @param personal whether it is personal data (填报人, 联系电话): stored for follow-up, never
 * shown
 * @param maxLength the longest text accepted
 * @param max the largest number accepted
 */
public record Field(String name, List<String> aliases, FieldType type, String unit, Map<String, BigDecimal> convert,
		boolean required, String variable, String stage, boolean total, boolean personal, int maxLength,
		BigDecimal max) {

	/**
	 * The largest figure any cell may hold, and the most a form's {@code max} may allow:
	 * far above any school's, within the store (figures are kept as millionths in 64
	 * bits).
	 */
	public static final BigDecimal LARGEST = new BigDecimal("1000000000000");

	/**
	 * The most decimals a figure keeps: the normaliser rounds past them, the store keeps
	 * them exactly.
	 */
	public static final int DECIMALS = 6;

	/** Every name this field answers to: its canonical name and its aliases. */
	public List<String> names() {
		return Stream.concat(Stream.of(name), aliases.stream()).toList();
	}
}
