package org.edustat.reports;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.edustat.core.Target;
import org.jspecify.annotations.Nullable;

/**
 * 历年趋势 of a year-end report: for each key indicator and area, its value at each year-end
 * known (up to ten, this year included), as each year's report said it.
 *
 * @param years the years known, earliest first
 * @param values by indicator code, then area code, then year: computed by EduStat (each
 * year's report)
 * @param published the same of the totals a bureau published (历年数据), shown where no
 * computed value is known
 * @param plan by indicator code and area code, the target of the latest year named from
 * this year on (年度目标)
 */
public record Trend(List<Integer> years, Map<String, Map<String, SortedMap<Integer, BigDecimal>>> values,
		Map<String, Map<String, SortedMap<Integer, BigDecimal>>> published, Map<String, Map<String, Target>> plan) {

	/** No years: a half-year report, or nothing known. */
	public static final Trend NONE = new Trend(List.of(), Map.of(), Map.of(), Map.of());

	/**
	 * The plan's target of an indicator for an area: the 年度目标 of the latest year from
	 * this one on, if any.
	 */
	public @Nullable Target target(String indicator, String area) {
		return plan.getOrDefault(indicator, Map.of()).get(area);
	}

	/**
	 * The fewest years a trend is shown for: with two, it is the comparison with last
	 * year already made.
	 */
	public static final int FEWEST = 3;

	public boolean shown() {
		return years.size() >= FEWEST;
	}

	/**
	 * The value of an indicator in an area at a year-end, if known: computed, else
	 * published.
	 */
	public @Nullable BigDecimal value(String indicator, String area, int year) {
		BigDecimal computed = computed(indicator, area, year);
		return computed != null ? computed : publishedValue(indicator, area, year);
	}

	/** Whether the value shown is a published total, not one EduStat computed. */
	public boolean isPublished(String indicator, String area, int year) {
		return computed(indicator, area, year) == null && publishedValue(indicator, area, year) != null;
	}

	/** The value EduStat computed (that year's report), if any. */
	public @Nullable BigDecimal computed(String indicator, String area, int year) {
		return values.getOrDefault(indicator, Map.of()).getOrDefault(area, new TreeMap<>()).get(year);
	}

	/** The total published for that year (历年数据), if any. */
	public @Nullable BigDecimal publishedValue(String indicator, String area, int year) {
		return published.getOrDefault(indicator, Map.of()).getOrDefault(area, new TreeMap<>()).get(year);
	}

	/**
	 * The mean yearly growth over the span, in %: (last / first)^(1 / (years between)) −
	 * 1, from the first and the last year known of that area; null where either is
	 * missing or not positive, or the span is under a year.
	 */
	public static @Nullable BigDecimal yearlyGrowth(@Nullable BigDecimal first, int firstYear,
			@Nullable BigDecimal last, int lastYear) {
		if (first == null || last == null || first.signum() <= 0 || last.signum() <= 0 || lastYear <= firstYear) {
			return null;
		}
		double growth = Math.pow(last.doubleValue() / first.doubleValue(), 1.0 / (lastYear - firstYear)) - 1;
		return new BigDecimal(growth * 100, MathContext.DECIMAL64).setScale(1, RoundingMode.HALF_UP);
	}
}
