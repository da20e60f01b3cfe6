package org.edustat.indicators;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.edustat.core.SchoolType;
import org.edustat.core.Sponsor;
import org.edustat.core.Stage;
import org.edustat.core.UrbanRural;
import org.edustat.form.Field;

/**
 * Adds up each indicator's numerator and denominator school by school, per 区县, for the
 * city and per 学段, so that a rate is always the ratio of the sums. Student, class and
 * health figures of a 学段 come from its grade rows whatever the school's type (a 特殊教育学校's
 * all count under 特教); other figures group by the school's 办学类型.
 */
public final class Aggregation {

	/** The whole, as opposed to a group. */
	public static final String WHOLE = "";

	/**
	 * The groups beside the whole, each with the family a pivot tells it by: 学段, 举办者,
	 * 城乡分类.
	 */
	private static final Map<String, String> GROUP_TYPES = groupTypes();

	private final Catalogue catalogue;

	private final String city;

	private final Map<Key, BigDecimal[]> sums = new HashMap<>();

	private int schools;

	private final Map<String, List<Field>> gradeRows = new HashMap<>();

	private final Map<String, List<String[]>> gradePaths = new HashMap<>();

	/**
	 * Where a figure is: an indicator, an area (a 区县 or the city), a group (empty, or a
	 * 学段).
	 */
	public record Key(String indicator, String area, String group) {
	}

	public Aggregation(Catalogue catalogue, String city) {
		this.catalogue = catalogue;
		this.city = city;
	}

	public int schools() {
		return schools;
	}

	public void add(SchoolFacts school) {
		add(school, new Aggregation[0]);
	}

	/**
	 * Adds a school to this aggregation and to others over the same catalogue and city
	 * (the comparable basis beside the plain totals), working out its contributions once.
	 */
	public void add(SchoolFacts school, Aggregation... also) {
		Aggregation[] targets = new Aggregation[also.length + 1];
		targets[0] = this;
		System.arraycopy(also, 0, targets, 1, also.length);
		for (Aggregation target : targets) {
			target.schools++;
		}
		String[] groups = attributeGroups(school);
		for (Indicator indicator : catalogue.indicators()) {
			add(indicator, indicator.numerator(), 0, school, groups, targets);
			if (indicator.denominator() != null) {
				add(indicator, indicator.denominator(), 1, school, groups, targets);
			}
		}
	}

	/**
	 * The school's groups beside its 学段: its 举办者 and its 城乡分类, where the form gives them.
	 */
	private static String[] attributeGroups(SchoolFacts school) {
		List<String> groups = new ArrayList<>(2);
		for (String attribute : new String[] { "sponsor", "urbanRural" }) {
			Object label = school.attributes().get(attribute);
			if (label != null && GROUP_TYPES.containsKey(label.toString())) {
				groups.add(label.toString());
			}
		}
		return groups.toArray(String[]::new);
	}

	private void add(Indicator indicator, Measure measure, int side, SchoolFacts school, String[] groups,
			Aggregation[] targets) {
		if (!measure.admits(school)) {
			return;
		}
		Optional<BigDecimal> whole = measure.of(school);
		if (whole.isEmpty()) {
			return;
		}
		String district = school.district();
		put(targets, indicator, WHOLE, side, whole.get(), district);
		if (!indicator.stages()) {
			return;
		}
		String path = measure.path();
		List<String[]> grades = path == null || school.type() == SchoolType.SPECIAL ? List.of() : gradePaths(path);
		if (!grades.isEmpty()) {
			for (String[] grade : grades) {
				BigDecimal value = school.values().get(grade[1]);
				if (value != null) {
					put(targets, indicator, grade[0], side, value, district);
				}
			}
		}
		else {
			put(targets, indicator, school.type().stage().label(), side, whole.get(), district);
		}
		for (String group : groups) {
			put(targets, indicator, group, side, whole.get(), district);
		}
	}

	/**
	 * For a total row's path, each grade row's {学段, path of the same column}; none for
	 * any other path.
	 */
	private List<String[]> gradePaths(String path) {
		return gradePaths.computeIfAbsent(path, p -> {
			String[] parts = p.split("\\.");
			return gradeRows(p).stream()
				.map(grade -> new String[] { grade.stage(), parts[0] + "." + grade.name() + "." + parts[2] })
				.toList();
		});
	}

	/**
	 * The grade rows (rows with a 学段) of the sheet a path names, if the path is that
	 * sheet's total row.
	 */
	private List<Field> gradeRows(String path) {
		return gradeRows.computeIfAbsent(path, p -> {
			String[] parts = p.split("\\.");
			return catalogue.form()
				.sheets()
				.stream()
				.filter(s -> s.name().equals(parts[0]) && s.grid())
				.filter(s -> s.totalRow().map(t -> t.name().equals(parts[1])).orElse(false))
				.flatMap(s -> s.rows().stream().filter(r -> r.stage() != null))
				.toList();
		});
	}

	private static void put(Aggregation[] targets, Indicator indicator, String group, int side, BigDecimal value,
			String district) {
		for (Aggregation target : targets) {
			target.put(indicator, group, side, value, district);
		}
	}

	private void put(Indicator indicator, String group, int side, BigDecimal value, String district) {
		for (String area : new String[] { district, city }) {
			BigDecimal[] pair = sums.computeIfAbsent(new Key(indicator.code(), area, group),
					k -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
			pair[side] = pair[side].add(value);
		}
	}

	/**
	 * The indicator's value for an area and group: empty where nothing was reported or
	 * the denominator is zero.
	 */
	public Optional<BigDecimal> value(Indicator indicator, String area, String group) {
		BigDecimal[] pair = sums.get(new Key(indicator.code(), area, group));
		if (pair == null) {
			return Optional.empty();
		}
		if (indicator.denominator() == null) {
			return Optional.of(pair[0].multiply(indicator.scale()));
		}
		if (pair[1].signum() == 0) {
			return Optional.empty();
		}
		return Optional.of(pair[0].multiply(indicator.scale()).divide(pair[1], MathContext.DECIMAL64));
	}

	/** Every group of the breakdowns, in order: the 学段, then 举办者, then 城乡分类. */
	public static List<String> groups() {
		return List.copyOf(GROUP_TYPES.keySet());
	}

	/** The family of a group: 学段, 举办者 or 城乡分类; empty for the whole. */
	public static String groupType(String group) {
		return GROUP_TYPES.getOrDefault(group, "");
	}

	private static Map<String, String> groupTypes() {
		Map<String, String> types = new LinkedHashMap<>();
		for (String stage : stages()) {
			types.put(stage, "学段");
		}
		for (Sponsor sponsor : Sponsor.values()) {
			types.put(sponsor.label(), "举办者");
		}
		for (UrbanRural place : UrbanRural.values()) {
			types.put(place.label(), "城乡分类");
		}
		return Collections.unmodifiableMap(types);
	}

	/** The 学段 groups of the breakdown, in order. */
	public static String[] stages() {
		Stage[] stages = Stage.values();
		String[] labels = new String[stages.length];
		for (int i = 0; i < stages.length; i++) {
			labels[i] = stages[i].label();
		}
		return labels;
	}

}
