package org.edustat.indicators;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * This period against the same period last year, the annual target and the other 区县, for
 * every indicator × area × group; on the comparable basis (the schools loaded in both
 * periods) where coverage is incomplete; at year-end also the second half (Y − H1) of
 * flows.
 */
public final class Comparison {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/**
	 * One line of the comparison, as the 明细数据 sheet shows it.
	 *
	 * @param groupType 学段, 举办者 or 城乡分类; empty for the whole
	 * @param comparableChange the change over the schools loaded in both periods
	 * @param comparableChangeRate its rate in % (none for a rate indicator, whose change
	 * is in 百分点)
	 * @param coverage the area's schools loaded in both periods over those loaded in
	 * either (1 when complete)
	 */
	public record Row(Indicator indicator, String area, String areaName, String groupType, String group,
			@Nullable BigDecimal current, @Nullable BigDecimal last, @Nullable BigDecimal change,
			@Nullable BigDecimal changeRate, @Nullable BigDecimal comparableChange,
			@Nullable BigDecimal comparableChangeRate, @Nullable BigDecimal coverage, @Nullable BigDecimal target,
			@Nullable BigDecimal progress, @Nullable Boolean targetMet, @Nullable Integer rank, boolean tied,
			@Nullable BigDecimal secondHalf) {

		/**
		 * Whether the plain change compares different sets of schools, so that the
		 * comparable one must be used.
		 */
		public boolean incomplete() {
			return coverage != null && coverage.compareTo(BigDecimal.ONE) < 0;
		}

		/**
		 * Whether the change stated is the comparable one: coverage incomplete, and not a
		 * count of schools.
		 */
		public boolean onComparableBasis() {
			return incomplete() && !indicator.countsSchools();
		}

		/**
		 * The change a sentence or 总览 states: the comparable one where coverage is
		 * incomplete (学校数 excepted).
		 */
		public @Nullable BigDecimal statedChange() {
			return onComparableBasis() ? comparableChange : change;
		}

		/** The rate of the change stated. */
		public @Nullable BigDecimal statedChangeRate() {
			return onComparableBasis() ? comparableChangeRate : changeRate;
		}
	}

	/** An area of the report: a 区县 or the city. */
	public record Area(String code, String name, boolean city) {
	}

	/**
	 * The schools loaded in both periods: their aggregations in each, and per area the
	 * count in both and in either.
	 *
	 * @param coverage per area code, {both, either}
	 */
	public record Basis(Aggregation current, Aggregation last, Map<String, int[]> coverage) {
	}

	private Comparison() {
	}

	/**
	 * @param lastYear the same period one year earlier, or null when nothing was loaded
	 * for it
	 * @param comparable the comparable basis, or null when there is no earlier period
	 * @param firstHalf at year-end, the first half of the same year (for 下半年), else null
	 * @param targets annual targets by area code and indicator code
	 */
	public static List<Row> compare(Catalogue catalogue, List<Area> areas, Aggregation current,
			@Nullable Aggregation lastYear, @Nullable Basis comparable, @Nullable Aggregation firstHalf,
			Map<String, Map<String, BigDecimal>> targets) {
		List<Row> rows = new ArrayList<>();
		for (Indicator indicator : catalogue.indicators()) {
			List<String> groups = new ArrayList<>(List.of(Aggregation.WHOLE));
			if (indicator.stages()) {
				groups.addAll(Aggregation.groups());
			}
			for (String group : groups) {
				List<Row> forGroup = new ArrayList<>();
				for (Area area : areas) {
					Optional<BigDecimal> value = current.value(indicator, area.code(), group);
					boolean vanished = value.isEmpty() && !group.isEmpty();
					if (vanished) {
						// a group the area had a year before and has none of now: a sum
						// fell to 0, and its row says by
						// how much; a ratio of nothing is no figure
						if (indicator.denominator() != null || lastYear == null
								|| lastYear.value(indicator, area.code(), group).isEmpty()) {
							continue;
						}
						value = Optional.of(BigDecimal.ZERO);
					}
					forGroup.add(row(indicator, area, group, value.orElse(null), vanished, lastYear, comparable,
							firstHalf, group.isEmpty()
									? targets.getOrDefault(area.code(), Map.of()).get(indicator.code()) : null));
				}
				rows.addAll(group.isEmpty() ? ranked(forGroup, areas, indicator) : forGroup);
			}
		}
		return rows;
	}

	private static Row row(Indicator indicator, Area area, String group, @Nullable BigDecimal v, boolean vanished,
			@Nullable Aggregation lastYear, @Nullable Basis comparable, @Nullable Aggregation firstHalf,
			@Nullable BigDecimal target) {
		BigDecimal last = lastYear == null ? null : lastYear.value(indicator, area.code(), group).orElse(null);
		BigDecimal change = v == null || last == null ? null : v.subtract(last);
		// a group the area has none of now is 0 on the comparable basis too: the schools
		// of both years have none of it
		BigDecimal none = vanished ? BigDecimal.ZERO : null;
		BigDecimal changeRate = rate(indicator, change, last);
		BigDecimal comparableChange = null;
		BigDecimal comparableRate = null;
		BigDecimal coverage = null;
		if (comparable != null) {
			BigDecimal now = comparable.current().value(indicator, area.code(), group).orElse(none);
			BigDecimal before = comparable.last().value(indicator, area.code(), group).orElse(none);
			comparableChange = now == null || before == null ? null : now.subtract(before);
			comparableRate = rate(indicator, comparableChange, before);
			int[] counts = comparable.coverage().getOrDefault(area.code(), new int[2]);
			coverage = counts[1] == 0 ? null
					: BigDecimal.valueOf(counts[0]).divide(BigDecimal.valueOf(counts[1]), MathContext.DECIMAL64);
		}
		BigDecimal progress = null;
		Boolean met = null;
		if (target != null && v != null) {
			met = indicator.higherIsBetter() ? v.compareTo(target) >= 0 : v.compareTo(target) <= 0;
			if (indicator.flow() && target.signum() != 0) {
				progress = v.multiply(HUNDRED).divide(target, MathContext.DECIMAL64);
			}
		}
		BigDecimal secondHalf = null;
		if (firstHalf != null && indicator.flow() && indicator.denominator() == null && v != null) {
			secondHalf = firstHalf.value(indicator, area.code(), group).map(v::subtract).orElse(null);
		}
		return new Row(indicator, area.code(), area.name(), Aggregation.groupType(group), group, v, last, change,
				changeRate, comparableChange, comparableRate, coverage, target, progress, met, null, false, secondHalf);
	}

	/**
	 * A change as a percentage of the earlier value; none for a rate (its change is in
	 * 百分点) or from zero.
	 */
	private static @Nullable BigDecimal rate(Indicator indicator, @Nullable BigDecimal change,
			@Nullable BigDecimal before) {
		return change == null || before == null || indicator.isRate() || before.signum() == 0 ? null
				: change.multiply(HUNDRED).divide(before, MathContext.DECIMAL64);
	}

	/**
	 * Ranks the 区县 (not the city) by value, direction-aware; equal values share a rank
	 * and are marked tied.
	 */
	private static List<Row> ranked(List<Row> rows, List<Area> areas, Indicator indicator) {
		List<String> cities = areas.stream().filter(Area::city).map(Area::code).toList();
		List<Row> ranking = rows.stream()
			.filter(r -> !cities.contains(r.area()) && r.current() != null)
			.sorted(indicator.higherIsBetter() ? Comparator.comparing(Row::current).reversed()
					: Comparator.comparing(Row::current))
			.toList();
		List<Row> result = new ArrayList<>();
		for (Row row : rows) {
			Integer rank = null;
			boolean tied = false;
			if (!cities.contains(row.area()) && row.current() != null) {
				rank = 1 + (int) ranking.stream()
					.filter(other -> indicator.higherIsBetter()
							? Objects.requireNonNull(other.current()).compareTo(row.current()) > 0
							: Objects.requireNonNull(other.current()).compareTo(row.current()) < 0)
					.count();
				tied = ranking.stream()
					.filter(other -> Objects.requireNonNull(other.current()).compareTo(row.current()) == 0)
					.count() > 1;
			}
			result.add(new Row(row.indicator(), row.area(), row.areaName(), row.groupType(), row.group(), row.current(),
					row.last(), row.change(), row.changeRate(), row.comparableChange(), row.comparableChangeRate(),
					row.coverage(), row.target(), row.progress(), row.targetMet(), rank, tied, row.secondHalf()));
		}
		return result;
	}

}
