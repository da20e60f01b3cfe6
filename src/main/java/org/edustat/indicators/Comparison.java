package org.edustat.indicators;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * This period against the same period last year, the annual target and the other 区县, for every indicator × area ×
 * group; at year-end also the second half (Y − H1) of flows.
 */
public final class Comparison {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/** One line of the comparison, as the 明细数据 sheet shows it. */
	public record Row(Indicator indicator, String area, String areaName, String group, BigDecimal current, BigDecimal last,
			BigDecimal change, BigDecimal changeRate, BigDecimal target, BigDecimal progress, Boolean targetMet,
			Integer rank, BigDecimal secondHalf) {
	}

	/** An area of the report: a 区县 or the city. */
	public record Area(String code, String name, boolean city) {
	}

	private Comparison() {
	}

	/**
	 * @param lastYear the same period one year earlier, or null when nothing was loaded for it
	 * @param firstHalf at year-end, the first half of the same year (for 下半年), else null
	 * @param targets annual targets by area code and indicator code
	 */
	public static List<Row> compare(Catalogue catalogue, List<Area> areas, Aggregation current, Aggregation lastYear,
			Aggregation firstHalf, Map<String, Map<String, BigDecimal>> targets) {
		List<Row> rows = new ArrayList<>();
		for (Indicator indicator : catalogue.indicators()) {
			List<String> groups = new ArrayList<>(List.of(Aggregation.WHOLE));
			if (indicator.stages()) {
				groups.addAll(List.of(Aggregation.stages()));
			}
			for (String group : groups) {
				List<Row> forGroup = new ArrayList<>();
				for (Area area : areas) {
					Optional<BigDecimal> value = current.value(indicator, area.code(), group);
					if (value.isEmpty() && !group.isEmpty()) {
						continue;
					}
					BigDecimal v = value.orElse(null);
					BigDecimal last = lastYear == null ? null : lastYear.value(indicator, area.code(), group).orElse(null);
					BigDecimal change = v == null || last == null ? null : v.subtract(last);
					BigDecimal changeRate = change == null || indicator.isRate() || last.signum() == 0 ? null
							: change.multiply(HUNDRED).divide(last, MathContext.DECIMAL64);
					BigDecimal target = group.isEmpty() ? targets.getOrDefault(area.code(), Map.of()).get(indicator.code()) : null;
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
					forGroup.add(new Row(indicator, area.code(), area.name(), group, v, last, change, changeRate, target,
							progress, met, null, secondHalf));
				}
				rows.addAll(group.isEmpty() ? ranked(forGroup, areas, indicator) : forGroup);
			}
		}
		return rows;
	}

	/** Ranks the 区县 (not the city) by value, direction-aware; equal values share a rank. */
	private static List<Row> ranked(List<Row> rows, List<Area> areas, Indicator indicator) {
		List<String> cities = areas.stream().filter(Area::city).map(Area::code).toList();
		List<Row> ranking = rows.stream()
			.filter(r -> !cities.contains(r.area()) && r.current() != null)
			.sorted(indicator.higherIsBetter() ? Comparator.comparing(Row::current).reversed() : Comparator.comparing(Row::current))
			.toList();
		List<Row> result = new ArrayList<>();
		for (Row row : rows) {
			Integer rank = null;
			if (!cities.contains(row.area()) && row.current() != null) {
				rank = 1 + (int) ranking.stream().filter(other -> indicator.higherIsBetter()
						? other.current().compareTo(row.current()) > 0 : other.current().compareTo(row.current()) < 0).count();
			}
			result.add(new Row(row.indicator(), row.area(), row.areaName(), row.group(), row.current(), row.last(), row.change(),
					row.changeRate(), row.target(), row.progress(), row.targetMet(), rank, row.secondHalf()));
		}
		return result;
	}
}
