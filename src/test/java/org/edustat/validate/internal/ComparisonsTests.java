package org.edustat.validate.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.edustat.validate.Expression;
import org.edustat.validate.ExpressionException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shortcut for comparisons answers as JEXL does — the same value, or the same refusal
 * — on every test and condition of the project's rule files and on texts built to trip
 * it, each over thousands of random variables (figures, decimals, nulls, missing
 * variables, numbers of other types, text, truths); and it is taken by the rules' common
 * shapes.
 */
class ComparisonsTests {

	private static final Pattern EXPRESSION = Pattern.compile("(?m)^\\s*-?\\s*(?:test|check|when):\\s*\"(.*)\"\\s*$");

	private static final List<String> TRICKY = List.of("a == b", "a != b", "a < b", "a <= b", "a > b", "a >= b",
			"a + b == c", "a - b <= c * d", "a * b * c * d >= 0", "!a", "!a == b", "!(a < b)", "a && b || c",
			"a || b && c", "(a || b) && c", "a == null", "null == a", "a != null && a > 0", "x.y == 'text'",
			"x.y != \"文字\"", "x.y.z < 3", "a == true", "a == 1", "1 + 2 == 3", "2 * 3 - 6 == 0", "a == 012",
			"a < 2147483647", "a < 999999999", "a + 1 > b - 1", "(a)", "a", "a + b", "a < b < c", "a == b == c", "!!a",
			"a eq b", "a ne b", "a lt b", "a and b", "not a", "a =~ b", "a === b", "a !== b", "a ?: b", "a ? b : c",
			"a ?? b", "a / b > 0", "a % 2 == 0", "-a < 0", "a < -1", "a < 1.5", "a < 1e3", "a < 10L", "a < 10B",
			"a[0] == 1", "x['y'] == 1", "size(a) > 0", "empty(a)", "a.b.c.d == 1", "a=='a\\'b'", "a == 'x' + 'y'",
			"a + 'x' == b", "a $ b", "a ~ b", "(a < b", "a < b)", "a <", "", "a / b", "a / 2", "a / b * c",
			"(a - b) * 100 / b", "a + b", "a - b", "a * b", "1 + 2", "a / 0", "a / b + 1", "a", "(a)", "a // b",
			"a /* b */ + c", "a /= b", "a * -b", "value - previous <= params.change * previous / 100",
			"(value - previous) * 100 / previous", "students / classes", "postgrad + bachelor", "a / b / c > 1",
			"2 / a", "a * 2 + b");

	@Test
	void answersAsJexlDoesOnEveryRuleAndEveryTrap() throws IOException {
		List<String> texts = new ArrayList<>(rulesExpressions());
		assertThat(texts).as("the project's rule files have tests and conditions").hasSizeGreaterThan(20);
		texts.addAll(TRICKY);
		Random random = new Random(20261207);
		int compared = 0;
		int taken = 0;
		for (String text : texts) {
			Expression jexl;
			try {
				jexl = Sandbox.compileForJexl(text);
			}
			catch (ExpressionException ex) {
				continue;
			}
			Expression ours = Sandbox.compile(text);
			for (int i = 0; i < 3_000; i++) {
				Map<String, Object> variables = variables(jexl.variables(), random);
				Outcome expected = outcome(jexl, variables);
				Outcome actual = outcome(ours, variables);
				assertThat(actual).as("%s on %s", text, variables).isEqualTo(expected);
				compared++;
			}
			if (Comparisons.parse(text) != null) {
				taken++;
			}
		}
		assertThat(compared).isGreaterThan(100_000);
		assertThat(taken).as("texts the shortcut takes").isGreaterThan(30);
	}

	@Test
	void takesTheRulesCommonShapesAndLeavesTheRestToJexl() {
		assertThat(Stream
			.of("total == sum", "value >= 0", "female <= students", "postgrad + bachelor <= count",
					"students <= params.huge * classes", "students == 0 || classes > 0",
					"!isTotal && school.type != '幼儿园' && classes > 0", "registry.name == school.name",
					"halfYear || firstHalf == null || value >= firstHalf", "previous != null && previous > 0",
					"students / classes", "postgrad + bachelor", "(value - previous) * 100 / previous",
					"value - previous <= params.change * previous / 100")
			.map(Comparisons::parse)).doesNotContainNull();
		assertThat(Stream
			.of("teachers > 0 && params.bands[school.type] != null", "a + b ? 1 : 2", "a // b", "a /* b */ + c",
					"a eq b", "a =~ b", "a === b", "a ? b : c", "a < 1.5", "a == 012", "-a < 0", "a < 9999999999",
					"size(a) > 0")
			.map(Comparisons::parse)).containsOnlyNulls();
	}

	@Test
	void roundsPastThirtyFourDigitsAsJexlDoes() {
		Map<String, Object> variables = Map.of("a", new BigDecimal("1E+40"), "b", BigDecimal.ONE, "c",
				new BigDecimal("1E+40"));
		assertThat(Sandbox.compileForJexl("a + b == c").evaluate(variables)).as("JEXL rounds to DECIMAL128")
			.isEqualTo(true);
		assertThat(Sandbox.compile("a + b == c").evaluate(variables)).isEqualTo(true);
		assertThat(Sandbox.compile("a * b * 3 > c").evaluate(variables)).isEqualTo(true);
	}

	private static List<String> rulesExpressions() throws IOException {
		List<String> texts = new ArrayList<>();
		try (Stream<Path> files = Files.list(Path.of("jobs/rules"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
				Matcher m = EXPRESSION.matcher(Files.readString(file));
				while (m.find()) {
					texts.add(m.group(1));
				}
			}
		}
		return texts;
	}

	private static Map<String, Object> variables(List<List<String>> paths, Random random) {
		Map<String, Object> variables = new HashMap<>();
		for (List<String> path : paths) {
			Map<String, Object> at = variables;
			for (int i = 0; i < path.size() - 1; i++) {
				Object inner = at.get(path.get(i));
				if (!(inner instanceof Map) || random.nextInt(20) == 0) {
					if (random.nextInt(25) == 0) {
						at.put(path.get(i), random.nextBoolean() ? null : BigDecimal.ONE);
						at = new HashMap<>();
						continue;
					}
					inner = new HashMap<String, Object>();
					at.put(path.get(i), inner);
				}
				@SuppressWarnings("unchecked")
				Map<String, Object> map = (Map<String, Object>) inner;
				at = map;
			}
			if (random.nextInt(30) != 0) {
				at.put(path.get(path.size() - 1), value(random));
			}
		}
		return variables;
	}

	private static @Nullable Object value(Random random) {
		return switch (random.nextInt(16)) {
			case 0 -> null;
			case 1 -> random.nextBoolean();
			case 2 -> random.nextBoolean() ? "幼儿园" : "x";
			case 3 -> (long) random.nextInt(5);
			case 4 -> random.nextInt(5) / 2.0;
			case 5 -> new BigDecimal("1" + "0".repeat(random.nextInt(40)) + "." + random.nextInt(10));
			case 6 -> new BigDecimal(random.nextInt(7) - 3).movePointLeft(random.nextInt(3));
			case 7 -> random.nextInt(5) - 2;
			case 8 -> new BigDecimal(random.nextInt(3) + ".00");
			default -> new BigDecimal(random.nextInt(7) - 3);
		};
	}

	private record Outcome(@Nullable Object value, @Nullable String refusal) {
	}

	private static Outcome outcome(Expression expression, Map<String, Object> variables) {
		try {
			return new Outcome(expression.evaluate(variables), null);
		}
		catch (ExpressionException ex) {
			return new Outcome(null, ex.getClass().getSimpleName());
		}
	}

}
