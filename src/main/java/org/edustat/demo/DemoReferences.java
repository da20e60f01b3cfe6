package org.edustat.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.edustat.core.District;
import org.edustat.core.Period;

/** What the demo's reference workbooks 历年数据 and 年度目标 hold. */
final class DemoReferences {

	private DemoReferences() {
	}

	/**
	 * 历年数据: the totals of 在校生数 and 专任教师数 for the city and each 区县 in the two years before
	 * the first the demo holds, as a bureau published them (its own figures for those
	 * years, rounded to tens).
	 */
	static byte[] published(List<DemoSchool> schools, int firstYear, long seed) {
		List<List<Object>> rows = new ArrayList<>();
		for (int year = firstYear - 2; year < firstYear; year++) {
			Period period = Period.parse(year + "Y");
			Map<String, long[]> byArea = new TreeMap<>();
			for (DemoSchool school : schools) {
				Figures figures = Figures.of(school, period, seed);
				long students = figures.studentTotal()[Figures.STUDENT_COLUMNS.indexOf("在校生数")];
				long teachers = Objects.requireNonNull(figures.staff.get("专任教师"))[0];
				for (String area : List.of(Roster.CITY.value(), school.profile().district().value())) {
					long[] sums = byArea.computeIfAbsent(area, a -> new long[2]);
					sums[0] += students;
					sums[1] += teachers;
				}
			}
			for (Map.Entry<String, long[]> area : byArea.entrySet()) {
				rows.add(List.of(year, area.getKey(), "students", Math.round(area.getValue()[0] / 10.0) * 10));
				rows.add(List.of(year, area.getKey(), "teachers", Math.round(area.getValue()[1] / 10.0) * 10));
			}
		}
		return ReferenceWorkbooks.published(rows);
	}

	/**
	 * 年度目标 of 2022 and 2023: the city's targets for six indicators, each 区县's for three.
	 */
	static List<List<Object>> targets() {
		List<List<Object>> targets = new ArrayList<>();
		for (int year : new int[] { 2022, 2023 }) {
			targets.add(List.of(year, Roster.CITY.value(), "fitness_pass_rate", 95));
			targets.add(List.of(year, Roster.CITY.value(), "myopia_rate", 52));
			targets.add(List.of(year, Roster.CITY.value(), "kg_public_share", 56));
			targets.add(List.of(year, Roster.CITY.value(), "kg_inclusive_share", 85));
			targets.add(List.of(year, Roster.CITY.value(), "teachers_new", 150));
			targets.add(List.of(year, Roster.CITY.value(), "spending", year == 2022 ? 60000 : 66000));
			for (District district : Roster.districtsOnly()) {
				targets.add(List.of(year, district.code().value(), "fitness_pass_rate", 95));
				targets.add(List.of(year, district.code().value(), "teachers_new", 25));
				targets.add(List.of(year, district.code().value(), "spending", year == 2022 ? 10000 : 11000));
			}
		}
		return targets;
	}

}
