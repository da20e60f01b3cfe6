package org.edustat.indicators;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * One indicator as a statistician writes it in jobs/indicators.yaml.
 *
 * @param code the indicator's code, used by targets and reports
 * @param name its Chinese name
 * @param unit its unit as printed (人, %, :1, 万元 …)
 * @param kind stock (a snapshot) or flow (cumulative from January 1)
 * @param unitKind count, rate (a percentage) or ratio
 * @param better higher or lower: drives ranks and the wording of sentences
 * @param numerator what is summed or counted above the line
 * @param denominator what is summed or counted below it, if any
 * @param scale the multiplier of the ratio (100 for a percentage)
 * @param decimals the decimals shown (default: 0 for counts, 2 for rates, 1 for ratios)
 * @param stages whether the indicator carries the 学段 breakdown
 * @param key whether it belongs in the overview and the summary sentences
 */
public record IndicatorSpec(String code, String name, String unit, String kind, String unitKind, String better,
		MeasureSpec numerator, MeasureSpec denominator, BigDecimal scale, Integer decimals, Boolean stages,
		Boolean key) {

	/**
	 * A sum of one cell over the schools in scope, or a count of those schools.
	 *
	 * @param sum the cell, as sheet.row.column (办学条件.项目.值 for items)
	 * @param count true to count schools instead
	 * @param where which schools count (an expression over type, sponsor, urbanRural,
	 * smartCampus, community, hasHealth)
	 */
	public record MeasureSpec(@Nullable String sum, @Nullable Boolean count, @Nullable String where) {
	}
}
