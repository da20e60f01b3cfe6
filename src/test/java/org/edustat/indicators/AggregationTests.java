package org.edustat.indicators;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.edustat.core.SchoolType;
import org.edustat.testing.Workbooks;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Ratio of sums over schools, by 区县 and city; this period against last year, with
 * direction-aware ranks and ties.
 */
class AggregationTests {

	static final Catalogue CATALOGUE = Catalogue.load(Path.of("jobs", "indicators.yaml"), Workbooks.FORM);

	static final List<Comparison.Area> AREAS = List.of(new Comparison.Area("990100", "示例市", true),
			new Comparison.Area("990102", "东岭区", false), new Comparison.Area("990103", "西林区", false),
			new Comparison.Area("990104", "南湖区", false));

	@Test
	void aRatioIsTheRatioOfTheSumsNotTheMeanOfTheSchoolsRatios() {
		Aggregation now = aggregate(school("a", "990102", 1000, 50), school("b", "990102", 100, 20),
				school("c", "990103", 300, 20));
		Indicator ratio = CATALOGUE.find("student_teacher_ratio").orElseThrow();
		// (1000 + 100) / (50 + 20) = 15.714…, not (20 + 5) / 2 = 12.5
		assertThat(now.value(ratio, "990102", Aggregation.WHOLE)).get()
			.isEqualTo(new BigDecimal("1100").divide(new BigDecimal("70"), MathContext.DECIMAL64));
		assertThat(now.value(ratio, "990100", Aggregation.WHOLE)).get()
			.isEqualTo(new BigDecimal("1400").divide(new BigDecimal("90"), MathContext.DECIMAL64));
		assertThat(now.value(CATALOGUE.find("students").orElseThrow(), "990100", Aggregation.WHOLE))
			.contains(new BigDecimal("1400"));
		assertThat(now.value(CATALOGUE.find("schools").orElseThrow(), "990102", Aggregation.WHOLE))
			.contains(new BigDecimal("2"));
	}

	@Test
	void comparesWithLastYearAndRanksLowerIsBetterWithTies() {
		Aggregation now = aggregate(school("a", "990102", 1000, 50), school("b", "990103", 600, 30),
				school("c", "990104", 900, 30));
		Aggregation last = aggregate(school("a", "990102", 900, 50), school("b", "990103", 600, 30),
				school("c", "990104", 800, 40));
		List<Comparison.Row> rows = Comparison.compare(CATALOGUE, AREAS, now, last, null, null, Map.of());

		assertThat(rows).filteredOn(r -> r.indicator().code().equals("students") && r.group().isEmpty())
			.extracting(Comparison.Row::area, Comparison.Row::current, Comparison.Row::last, Comparison.Row::change)
			.containsExactly(tuple("990100", new BigDecimal("2500"), new BigDecimal("2300"), new BigDecimal("200")),
					tuple("990102", new BigDecimal("1000"), new BigDecimal("900"), new BigDecimal("100")),
					tuple("990103", new BigDecimal("600"), new BigDecimal("600"), new BigDecimal("0")),
					tuple("990104", new BigDecimal("900"), new BigDecimal("800"), new BigDecimal("100")));
		// 生师比: 20, 20 and 30; lower is better, so the two 20s share rank 1 and 30 is
		// third
		assertThat(rows).filteredOn(r -> r.indicator().code().equals("student_teacher_ratio") && r.group().isEmpty())
			.extracting(Comparison.Row::area, Comparison.Row::rank)
			.containsExactly(tuple("990100", null), tuple("990102", 1), tuple("990103", 1), tuple("990104", 3));
	}

	@Test
	void aSchoolsOwnValueIsEmptyWhereTheIndicatorDoesNotApplyAndZeroWhereAShareLeavesItOut() {
		SchoolFacts junior = school("j", "990102", 500, 30);
		assertThat(CATALOGUE.find("kg_children").orElseThrow().of(junior)).as("在园幼儿数 of a 初级中学").isEmpty();
		assertThat(CATALOGUE.find("students").orElseThrow().of(junior)).contains(new BigDecimal("500"));
		assertThat(CATALOGUE.find("student_teacher_ratio").orElseThrow().of(junior)).get()
			.isEqualTo(new BigDecimal("500").divide(new BigDecimal("30"), MathContext.DECIMAL64));
	}

	@Test
	void aStageTheAreaHadLastYearAndHasNoneOfNowFallsToZeroAndItsSentenceSaysByHowMuch() {
		Aggregation now = aggregate(school("a", "990102", 1000, 50));
		Aggregation last = aggregate(school("a", "990102", 900, 50), school("s", "990102", SchoolType.SENIOR, 300, 20),
				school("t", "990102", SchoolType.SENIOR, 200, 10));
		List<Comparison.Row> rows = Comparison.compare(CATALOGUE, AREAS, now, last, null, null, Map.of());

		assertThat(rows)
			.filteredOn(
					r -> r.area().equals("990102") && r.group().equals("高中") && r.indicator().code().equals("schools"))
			.extracting(Comparison.Row::current, Comparison.Row::last, Comparison.Row::change)
			.containsExactly(tuple(BigDecimal.ZERO, new BigDecimal("2"), new BigDecimal("-2")));
		// a ratio of a stage with no school is no figure: no row
		assertThat(rows)
			.filteredOn(r -> r.area().equals("990102") && r.group().equals("高中")
					&& r.indicator().code().equals("student_teacher_ratio"))
			.isEmpty();
		// a stage that neither year had gets no row
		assertThat(rows).filteredOn(r -> r.area().equals("990102") && r.group().equals("幼儿园")).isEmpty();
		List<String> sentences = Sentences.byIndicator(rows, "990102", false);
		assertThat(String.join("", sentences)).contains("高中学校0所，比上年同期（2所）减少2所");
	}

	private static Aggregation aggregate(SchoolFacts... schools) {
		Aggregation aggregation = new Aggregation(CATALOGUE, "990100");
		for (SchoolFacts school : schools) {
			aggregation.add(school);
		}
		return aggregation;
	}

	private static SchoolFacts school(String id, String district, long students, long teachers) {
		return school(id, district, SchoolType.JUNIOR, students, teachers);
	}

	private static SchoolFacts school(String id, String district, SchoolType type, long students, long teachers) {
		return SchoolFacts.of(id, id, district, type, "教育部门", "城区",
				Map.of("学生.合计.在校生数", BigDecimal.valueOf(students), "教职工.专任教师.人数", BigDecimal.valueOf(teachers)),
				Workbooks.FORM);
	}

}
