package org.edustat.validate;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An expression gives the result of the values it is evaluated on, each time, whatever it evaluated before. */
class ExpressionTests {

	@Test
	void givesEachSetOfValuesItsOwnResultWhenValuesRepeatAndAlternate() {
		Expression test = Expression.compile("value >= 0");
		for (int round = 0; round < 3; round++) {
			assertThat(test.evaluate(Map.of("value", new BigDecimal("3")))).isEqualTo(true);
			assertThat(test.evaluate(Map.of("value", new BigDecimal("-1")))).isEqualTo(false);
			assertThat(test.evaluate(Map.of("value", new BigDecimal("0")))).isEqualTo(true);
		}
		Expression ratio = Expression.compile("students / classes");
		assertThat((BigDecimal) ratio.evaluate(Map.of("students", new BigDecimal("120"), "classes", new BigDecimal("3"))))
			.isEqualByComparingTo("40");
		assertThat((BigDecimal) ratio.evaluate(Map.of("students", new BigDecimal("120"), "classes", new BigDecimal("4"))))
			.isEqualByComparingTo("30");
		assertThat((BigDecimal) ratio.evaluate(Map.of("students", new BigDecimal("120"), "classes", new BigDecimal("3"))))
			.isEqualByComparingTo("40");
	}

	@Test
	void readsNestedMapsAgainWhenTheirValuesChange() {
		Expression when = Expression.compile("school.type != '幼儿园' && classes > params.large");
		Map<String, Object> school = new HashMap<>(Map.of("type", "小学"));
		Map<String, Object> vars = new HashMap<>(Map.of("school", school, "classes", new BigDecimal("60"), "params",
				Map.of("large", 55)));
		assertThat(when.evaluate(vars)).isEqualTo(true);
		school.put("type", "幼儿园");
		assertThat(when.evaluate(vars)).isEqualTo(false);
		school.put("type", "小学");
		vars.put("params", Map.of("large", 66));
		assertThat(when.evaluate(vars)).isEqualTo(false);
		vars.put("params", Map.of("large", 55));
		assertThat(when.evaluate(vars)).isEqualTo(true);
	}

	@Test
	void evaluatesOverValuesThatAreNotPlainAndTellsAbsentFromNull() {
		Expression size = Expression.compile("size(rows) > 1");
		assertThat(size.evaluate(Map.of("rows", List.of(1, 2)))).isEqualTo(true);
		assertThat(size.evaluate(Map.of("rows", List.of(1)))).isEqualTo(false);
		Expression nullable = Expression.compile("value == null");
		Map<String, Object> isNull = new HashMap<>();
		isNull.put("value", null);
		assertThat(nullable.evaluate(isNull)).isEqualTo(true);
		assertThatThrownBy(() -> nullable.evaluate(Map.of())).isInstanceOf(ExpressionException.class);
		assertThat(nullable.evaluate(isNull)).isEqualTo(true);
	}
}
