package org.edustat.reports;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.edustat.core.Period;
import org.edustat.indicators.Aggregation;
import org.edustat.indicators.Catalogue;
import org.edustat.indicators.Comparison;
import org.edustat.indicators.Indicator;
import org.edustat.indicators.SchoolFacts;
import org.edustat.load.Coverage;
import org.edustat.load.FactsReader;
import org.jspecify.annotations.Nullable;

/**
 * One pass over a period's loaded schools and one over the same period last year: the
 * plain aggregations, the comparable basis (the schools loaded in both) with each area's
 * coverage, and the ranks for the school lines of 学校明细, which are read again as the sheet
 * is written.
 */
final class PeriodFacts {

	private static final BigDecimal THIRTY_PERCENT = new BigDecimal("0.3");

	/**
	 * What the passes found.
	 *
	 * @param loadedNow the 区县 of each school loaded for the period, by school code
	 * @param loadedLast the same for the same period last year
	 */
	record Passes(Aggregation current, Aggregation last, Comparison.Basis basis, ReportData.SchoolLines schools,
			Map<String, String> loadedNow, Map<String, String> loadedLast) {
	}

	/** What the school lines need besides the figures. */
	record SchoolContext(List<Indicator> shown, Map<String, String> districtNames, Map<String, List<String>> warnings,
			Function<String, String> ruleNames, Map<String, Map<String, BigDecimal>> targets) {
	}

	private PeriodFacts() {
	}

	static Passes read(FactsReader facts, Coverage coverage, Catalogue catalogue, Period period, String city,
			SchoolContext context) {
		Set<String> loaded = Set.copyOf(coverage.reported(period));
		Set<String> both = new HashSet<>(loaded);
		both.retainAll(new HashSet<>(coverage.reported(period.sameLastYear())));
		Aggregation current = new Aggregation(catalogue, city);
		Aggregation last = new Aggregation(catalogue, city);
		Aggregation comparableNow = new Aggregation(catalogue, city);
		Aggregation comparableLast = new Aggregation(catalogue, city);
		Map<String, String> districtOf = new HashMap<>();
		Map<String, String> now = new HashMap<>();
		Map<String, String> before = new HashMap<>();
		Indicator ranked = context.shown().isEmpty() ? null : context.shown().get(0);
		Map<String, List<BigDecimal>> rankedValues = new HashMap<>();
		facts.forEach(period, catalogue.form(), school -> {
			if (both.contains(school.schoolId())) {
				current.add(school, comparableNow);
			}
			else {
				current.add(school);
			}
			districtOf.put(school.schoolId(), school.district());
			now.put(school.schoolId(), school.district());
			BigDecimal value = ranked == null ? null : ranked.of(school).orElse(null);
			if (value != null) {
				rankedValues.computeIfAbsent(school.district(), k -> new ArrayList<>()).add(value);
			}
		});
		facts.forEach(period.sameLastYear(), catalogue.form(), school -> {
			if (both.contains(school.schoolId())) {
				last.add(school, comparableLast);
			}
			else {
				last.add(school);
			}
			districtOf.putIfAbsent(school.schoolId(), school.district());
			before.put(school.schoolId(), school.district());
		});
		Map<String, int[]> counts = new HashMap<>();
		districtOf.forEach((school, district) -> {
			for (String area : new String[] { district, city }) {
				int[] c = counts.computeIfAbsent(area, k -> new int[2]);
				c[0] += both.contains(school) ? 1 : 0;
				c[1]++;
			}
		});
		Comparator<BigDecimal> best = ranked == null || ranked.higherIsBetter() ? Comparator.reverseOrder()
				: Comparator.naturalOrder();
		rankedValues.values().forEach(values -> values.sort(best));
		Comparison.Basis basis = new Comparison.Basis(comparableNow, comparableLast, counts);
		return new Passes(current, last, basis,
				new Lines(facts, catalogue, period, context, loaded, rankedValues, best), now, before);
	}

	/**
	 * The school lines, read again from the database as 学校明细 is written, a batch of
	 * schools at a time with their figures of the year before: what is held is one number
	 * a school for the ranks, whatever the number of schools.
	 */
	private record Lines(FactsReader facts, Catalogue catalogue, Period period, SchoolContext context, Set<String> ids,
			Map<String, List<BigDecimal>> rankedValues, Comparator<BigDecimal> best) implements ReportData.SchoolLines {

		@Override
		public void forEach(Consumer<ReportData.SchoolLine> consumer) {
			List<Indicator> shown = context.shown();
			facts.forEachBatchByDistrict(period, catalogue.form(), batch -> {
				Map<String, List<BigDecimal>> before = new HashMap<>();
				facts.forEach(period.sameLastYear(), batch.stream().map(SchoolFacts::schoolId).toList(),
						catalogue.form(), school -> before.put(school.schoolId(), values(shown, school)));
				for (SchoolFacts school : batch) {
					List<BigDecimal> now = values(shown, school);
					List<BigDecimal> then = before.get(school.schoolId());
					Integer rank = shown.isEmpty() || now.get(0) == null ? null
							: rank(Objects.requireNonNull(rankedValues.get(school.district())), now.get(0), best);
					consumer.accept(new ReportData.SchoolLine(school.schoolId(), school.name(), school.district(),
							context.districtNames().getOrDefault(school.district(), school.district()),
							school.type().label(), String.valueOf(school.attributes().get("sponsor")),
							String.valueOf(school.attributes().get("urbanRural")), now,
							then == null ? nulls(shown.size()) : then, rank,
							flags(school.schoolId(), school.district(), now, then, context)));
				}
			});
		}
	}

	private static List<BigDecimal> values(List<Indicator> shown, SchoolFacts school) {
		List<BigDecimal> values = new ArrayList<>(shown.size());
		for (Indicator indicator : shown) {
			values.add(indicator.of(school).orElse(null));
		}
		return values;
	}

	/**
	 * The place of a value among its 区县's values sorted best first: equal values share a
	 * place.
	 */
	private static int rank(List<BigDecimal> sorted, BigDecimal v, Comparator<BigDecimal> best) {
		int low = 0;
		int high = sorted.size();
		while (low < high) {
			int mid = (low + high) >>> 1;
			if (best.compare(sorted.get(mid), v) < 0) {
				low = mid + 1;
			}
			else {
				high = mid;
			}
		}
		return low + 1;
	}

	/**
	 * What stands out: the names of the warnings it got, a value below its 区县's target, a
	 * change beyond ±30%.
	 */
	private static List<String> flags(String id, String district, List<BigDecimal> values,
			@Nullable List<BigDecimal> before, SchoolContext context) {
		Set<String> flags = new LinkedHashSet<>();
		for (String code : context.warnings().getOrDefault(id, List.of())) {
			flags.add(context.ruleNames().apply(code));
		}
		Map<String, BigDecimal> targets = context.targets().getOrDefault(district, Map.of());
		for (int i = 0; i < context.shown().size(); i++) {
			Indicator indicator = context.shown().get(i);
			BigDecimal v = values.get(i);
			BigDecimal target = targets.get(indicator.code());
			if (v != null && target != null && !indicator.flow()
					&& (indicator.higherIsBetter() ? v.compareTo(target) < 0 : v.compareTo(target) > 0)) {
				flags.add("低于年度目标:" + indicator.name());
			}
			BigDecimal then = before == null ? null : before.get(i);
			if (v != null && then != null && then.signum() != 0 && !indicator.isRate()
					&& v.subtract(then).abs().divide(then.abs(), MathContext.DECIMAL64).compareTo(THIRTY_PERCENT) > 0) {
				flags.add(indicator.name() + "变化超过±30%");
			}
		}
		return List.copyOf(flags);
	}

	private static List<BigDecimal> nulls(int size) {
		List<BigDecimal> values = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			values.add(null);
		}
		return values;
	}

}
