package org.edustat.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.edustat.core.Period;
import org.edustat.indicators.Catalogue;
import org.edustat.indicators.Indicator;
import org.edustat.reports.ReportValues;
import org.edustat.season.Deadlines;
import org.edustat.season.DistrictReview;
import org.jspecify.annotations.Nullable;

/**
 * What 总览 shows for a period: the key indicators of an area (the city, or a 区县 user's
 * own) as the period's report says them, with last year's and the change, and each one's
 * series over the periods of the same kind for a small chart; then the city's total row
 * and each 区县 with where it stands in the season.
 */
final class Dashboard {

	/**
	 * A key indicator: now, a year before, the change, and its series (periods and
	 * values, for the chart).
	 */
	record KeyFigure(String code, String name, String unit, @Nullable BigDecimal current, @Nullable BigDecimal last,
			@Nullable BigDecimal change, @Nullable BigDecimal changeRate, String years, String values) {
	}

	/** A 区县's line (or the city's total, code null). */
	record DistrictLine(@Nullable String code, String name, int expected, int reported, int onTime, int missing,
			int toFix, @Nullable BigDecimal reportingRate, @Nullable BigDecimal timelinessRate, String state) {
	}

	private Dashboard() {
	}

	static List<KeyFigure> keyFigures(ReportValues values, Catalogue catalogue, Period period, String area) {
		Map<String, BigDecimal> now = values.of(period, area)
			.stream()
			.filter(v -> v.group().isEmpty() && v.value() != null)
			.collect(Collectors.toMap(ReportValues.Value::indicator, ReportValues.Value::value, (a, b) -> a));
		Map<String, BigDecimal> before = values.of(period.sameLastYear(), area)
			.stream()
			.filter(v -> v.group().isEmpty() && v.value() != null)
			.collect(Collectors.toMap(ReportValues.Value::indicator, ReportValues.Value::value, (a, b) -> a));
		Map<String, Map<String, BigDecimal>> history = values.series(area, period.halfYear());
		List<KeyFigure> figures = new ArrayList<>();
		for (Indicator i : catalogue.indicators()) {
			BigDecimal current = now.get(i.code());
			if (!i.key() || current == null) {
				continue;
			}
			BigDecimal last = before.get(i.code());
			BigDecimal change = last == null ? null : current.subtract(last);
			BigDecimal rate = last == null || last.signum() == 0 ? null
					: Objects.requireNonNull(change)
						.multiply(BigDecimal.valueOf(100))
						.divide(last, 1, RoundingMode.HALF_UP);
			Map<String, BigDecimal> series = new TreeMap<>(history.getOrDefault(i.code(), Map.of()));
			series.keySet().removeIf(p -> p.compareTo(period.code()) > 0);
			figures.add(new KeyFigure(i.code(), i.name(), i.unit(), scale(current, i), scale(last, i), scale(change, i),
					rate, String.join(",", series.keySet().stream().map(p -> p.substring(0, 4)).toList()), String.join(
							",", series.values().stream().map(v -> v.stripTrailingZeros().toPlainString()).toList())));
		}
		return figures;
	}

	static List<DistrictLine> districts(List<Deadlines.Timeliness> timeliness, List<DistrictReview> reviews,
			Map<String, String> names, boolean withTotal) {
		Map<String, DistrictReview> states = reviews.stream()
			.collect(Collectors.toMap(DistrictReview::district, d -> d));
		List<DistrictLine> lines = new ArrayList<>();
		int[] total = new int[6];
		for (Deadlines.Timeliness t : timeliness) {
			DistrictReview review = states.get(t.district());
			lines.add(new DistrictLine(t.district(), names.getOrDefault(t.district(), t.district()), t.expected(),
					t.reported(), t.onTime(), t.missing(), t.toFix(), t.reportingRate(), t.timelinessRate(),
					review == null ? "" : review.state().label()));
			total[0] += t.expected();
			total[1] += t.reported();
			total[2] += t.onTime();
			total[3] += t.missing();
			total[4] += t.toFix();
		}
		if (withTotal) {
			lines.add(0, new DistrictLine(null, "全市合计", total[0], total[1], total[2], total[3], total[4],
					rate(total[1], total[0]), rate(total[2], total[0]), ""));
		}
		return lines;
	}

	private static @Nullable BigDecimal rate(int count, int of) {
		return of == 0 ? null
				: BigDecimal.valueOf(count * 100L).divide(BigDecimal.valueOf(of), 1, RoundingMode.HALF_UP);
	}

	private static @Nullable BigDecimal scale(@Nullable BigDecimal value, Indicator indicator) {
		return value == null ? null : value.setScale(indicator.decimals(), RoundingMode.HALF_UP);
	}

}
