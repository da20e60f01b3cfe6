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
import java.util.Set;
import java.util.function.Function;

import org.edustat.core.Period;
import org.edustat.indicators.Aggregation;
import org.edustat.indicators.Catalogue;
import org.edustat.indicators.Comparison;
import org.edustat.indicators.Indicator;
import org.edustat.indicators.SchoolFacts;
import org.edustat.load.Coverage;
import org.edustat.load.FactsReader;

/**
 * One pass over a period's loaded schools and one over the same period last year: the plain aggregations, the
 * comparable basis (the schools loaded in both) with each area's coverage, and the school lines of 学校明细.
 */
final class PeriodFacts {

	private static final BigDecimal THIRTY_PERCENT = new BigDecimal("0.3");

	/** What the passes found. */
	record Passes(Aggregation current, Aggregation last, Comparison.Basis basis, List<ReportData.SchoolLine> schools) {
	}

	/** What the school lines need besides the figures. */
	record SchoolContext(List<Indicator> shown, Map<String, String> districtNames, Map<String, List<String>> warnings,
			Function<String, String> ruleNames, Map<String, Map<String, BigDecimal>> targets) {
	}

	private PeriodFacts() {
	}

	static Passes read(FactsReader facts, Coverage coverage, Catalogue catalogue, Period period, String city,
			SchoolContext context) {
		Set<String> both = new HashSet<>(coverage.reported(period));
		both.retainAll(new HashSet<>(coverage.reported(period.sameLastYear())));
		Aggregation current = new Aggregation(catalogue, city);
		Aggregation last = new Aggregation(catalogue, city);
		Aggregation comparableNow = new Aggregation(catalogue, city);
		Aggregation comparableLast = new Aggregation(catalogue, city);
		Map<String, String> districtOf = new HashMap<>();
		List<Pending> pending = new ArrayList<>();
		facts.forEach(period, catalogue.form(), school -> {
			if (both.contains(school.schoolId())) {
				current.add(school, comparableNow);
			}
			else {
				current.add(school);
			}
			districtOf.put(school.schoolId(), school.district());
			pending.add(new Pending(school.schoolId(), school.name(), school.district(), school.type().label(),
					String.valueOf(school.attributes().get("sponsor")), String.valueOf(school.attributes().get("urbanRural")),
					values(context.shown(), school)));
		});
		Map<String, List<BigDecimal>> lastValues = new HashMap<>();
		facts.forEach(period.sameLastYear(), catalogue.form(), school -> {
			if (both.contains(school.schoolId())) {
				last.add(school, comparableLast);
			}
			else {
				last.add(school);
			}
			districtOf.putIfAbsent(school.schoolId(), school.district());
			lastValues.put(school.schoolId(), values(context.shown(), school));
		});
		Map<String, int[]> counts = new HashMap<>();
		districtOf.forEach((school, district) -> {
			for (String area : new String[] { district, city }) {
				int[] c = counts.computeIfAbsent(area, k -> new int[2]);
				c[0] += both.contains(school) ? 1 : 0;
				c[1]++;
			}
		});
		Comparison.Basis basis = new Comparison.Basis(comparableNow, comparableLast, counts);
		return new Passes(current, last, basis, lines(pending, lastValues, context));
	}

	private record Pending(String id, String name, String district, String type, String sponsor, String urbanRural,
			List<BigDecimal> values) {
	}

	private static List<BigDecimal> values(List<Indicator> shown, SchoolFacts school) {
		List<BigDecimal> values = new ArrayList<>(shown.size());
		for (Indicator indicator : shown) {
			values.add(indicator.of(school).orElse(null));
		}
		return values;
	}

	private static List<ReportData.SchoolLine> lines(List<Pending> pending, Map<String, List<BigDecimal>> lastValues,
			SchoolContext context) {
		List<Indicator> shown = context.shown();
		Indicator ranked = shown.isEmpty() ? null : shown.get(0);
		List<ReportData.SchoolLine> lines = new ArrayList<>(pending.size());
		pending.sort(Comparator.comparing(Pending::district).thenComparing(Pending::id));
		Map<String, List<BigDecimal>> byDistrict = new HashMap<>();
		for (Pending p : pending) {
			if (!p.values().isEmpty() && p.values().get(0) != null) {
				byDistrict.computeIfAbsent(p.district(), k -> new ArrayList<>()).add(p.values().get(0));
			}
		}
		Comparator<BigDecimal> best = ranked == null || ranked.higherIsBetter() ? Comparator.reverseOrder() : Comparator.naturalOrder();
		byDistrict.values().forEach(values -> values.sort(best));
		for (Pending p : pending) {
			List<BigDecimal> before = lastValues.get(p.id());
			Integer rank = ranked == null || p.values().get(0) == null ? null
					: rank(byDistrict.get(p.district()), p.values().get(0), best);
			lines.add(new ReportData.SchoolLine(p.id(), p.name(), p.district(), context.districtNames().getOrDefault(p.district(),
					p.district()), p.type(), p.sponsor(), p.urbanRural(), p.values(), before == null ? nulls(shown.size()) : before,
					rank, flags(p, before, context)));
		}
		return lines;
	}

	/** The place of a value among its 区县's values sorted best first: equal values share a place. */
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

	/** What stands out: the names of the warnings it got, a value below its 区县's target, a change beyond ±30%. */
	private static List<String> flags(Pending school, List<BigDecimal> before, SchoolContext context) {
		Set<String> flags = new LinkedHashSet<>();
		for (String code : context.warnings().getOrDefault(school.id(), List.of())) {
			flags.add(context.ruleNames().apply(code));
		}
		Map<String, BigDecimal> targets = context.targets().getOrDefault(school.district(), Map.of());
		for (int i = 0; i < context.shown().size(); i++) {
			Indicator indicator = context.shown().get(i);
			BigDecimal v = school.values().get(i);
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
