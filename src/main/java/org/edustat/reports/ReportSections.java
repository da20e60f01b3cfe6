package org.edustat.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.edustat.core.Period;
import org.edustat.core.Target;
import org.edustat.indicators.Comparison;
import org.edustat.ledger.LedgerReadings;
import org.edustat.load.ReferenceStore;
import org.edustat.load.SchoolStatuses;

/** Two parts of a period's report data gathered apart from its figures: 数据质量 and 历年趋势. */
final class ReportSections {

	private ReportSections() {
	}

	/**
	 * 历年趋势 of a year-end report: the key indicators' whole-area values in each earlier
	 * year-end report, and this year's as this report says them.
	 */
	static Trend trend(Period period, List<Comparison.Row> rows, ReportSnapshots snapshots, ReferenceStore references) {
		if (period.halfYear()) {
			return Trend.NONE;
		}
		Set<String> keys = rows.stream()
			.filter(r -> r.indicator().key())
			.map(r -> r.indicator().code())
			.collect(Collectors.toSet());
		Map<String, Map<String, SortedMap<Integer, BigDecimal>>> values = snapshots.yearEnds(period.year(), keys);
		rows.stream()
			.filter(r -> r.group().isEmpty() && keys.contains(r.indicator().code()) && r.current() != null)
			.forEach(r -> values.computeIfAbsent(r.indicator().code(), k -> new HashMap<>())
				.computeIfAbsent(r.area(), k -> new TreeMap<>())
				.put(period.year(), r.current().setScale(6, RoundingMode.HALF_UP)));
		Map<String, Map<String, SortedMap<Integer, BigDecimal>>> published = references.published(keys);
		published.values()
			.forEach(byArea -> byArea.values()
				.forEach(byYear -> byYear.keySet().removeIf(y -> y > period.year() || y <= period.year() - 10)));
		List<Integer> years = Stream.concat(values.values().stream(), published.values().stream())
			.flatMap(m -> m.values().stream())
			.flatMap(m -> m.keySet().stream())
			.distinct()
			.sorted()
			.toList();
		Map<String, Map<String, Target>> plan = new HashMap<>();
		for (Target target : references.targetsFrom(period.year())) {
			if (keys.contains(target.indicator())) {
				plan.computeIfAbsent(target.indicator(), k -> new HashMap<>())
					.putIfAbsent(target.district().value(), target);
			}
		}
		return new Trend(years, values, published, plan);
	}

	/**
	 * @param names each area's name by its code
	 * @param warnings the period's warnings: those on files count per 区县, every one is
	 * listed
	 */
	static ReportData.Quality quality(LedgerReadings ledger, Period period, List<SchoolStatuses.School> statuses,
			List<Comparison.Area> areas, Map<String, String> names, List<LedgerReadings.Warning> warnings) {
		Map<String, int[]> counts = new HashMap<>();
		warnings.stream().filter(LedgerReadings.Warning::onFile).forEach(w -> {
			int[] count = counts.computeIfAbsent(w.districtCode(), k -> new int[2]);
			count[0]++;
			count[1] += w.explanation() == null ? 0 : 1;
		});
		List<ReportData.DistrictQuality> districts = new ArrayList<>();
		for (Comparison.Area area : areas) {
			if (area.city()) {
				continue;
			}
			List<SchoolStatuses.School> due = statuses.stream()
				.filter(s -> s.expected() && s.districtCode().equals(area.code()))
				.toList();
			int[] warned = counts.getOrDefault(area.code(), new int[2]);
			districts.add(new ReportData.DistrictQuality(area.code(), area.name(), due.size(),
					(int) due.stream().filter(s -> s.status() == SchoolStatuses.Status.REPORTED).count(), warned[0],
					warned[1]));
		}
		List<ReportData.Rejected> rejected = ledger.refusals(period.code())
			.stream()
			.map(r -> new ReportData.Rejected(names.getOrDefault(r.districtCode(), r.districtCode()), r.schoolId(),
					r.schoolName(), r.receivedPath(), r.reason()))
			.toList();
		List<ReportData.Warned> warned = warnings.stream()
			.map(w -> new ReportData.Warned(names.getOrDefault(w.districtCode(), w.districtCode()), w.schoolId(),
					w.schoolName(), w.code(), w.cell(), w.message(), w.explanation()))
			.toList();
		return new ReportData.Quality(districts, absent(statuses, names, SchoolStatuses.Status.MISSING),
				absent(statuses, names, SchoolStatuses.Status.REFUSED), rejected, warned);
	}

	private static List<ReportData.Missing> absent(List<SchoolStatuses.School> statuses, Map<String, String> names,
			SchoolStatuses.Status status) {
		return statuses.stream()
			.filter(s -> s.status() == status)
			.map(s -> new ReportData.Missing(s.districtCode(), names.getOrDefault(s.districtCode(), s.districtCode()),
					s.id(), s.name()))
			.toList();
	}

}
