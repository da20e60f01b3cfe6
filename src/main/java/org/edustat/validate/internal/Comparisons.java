package org.edustat.validate.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The shape nearly every rule's test and condition has — figures, their sums, products
 * and quotients, compared, joined by {@code &&}, {@code ||} and {@code !} — and the
 * arithmetic of figures a rule's {@code value} is, evaluated without JEXL's interpreter,
 * which cost more than reading a workbook's cells (C02 alone runs on every figure). What
 * JEXL has already parsed and accepted is parsed once more here; a text with anything
 * else (an index, a method, a decimal literal, a keyword operator) has no shortcut. At
 * evaluation every operand is checked: a null where JEXL's strict arithmetic refuses one,
 * a variable the context lacks, a number not a BigDecimal or Integer, an operand of
 * another type — any of them hands the whole evaluation to JEXL, so that the answer and
 * the error are always JEXL's.
 */
final class Comparisons {

	/** Words JEXL reads as operators or statements, never as variables. */
	private static final Set<String> RESERVED = Set.of("or", "and", "not", "eq", "ne", "lt", "gt", "le", "ge", "div",
			"mod", "new", "var", "let", "const", "do", "while", "break", "continue", "function", "return", "if", "else",
			"for", "size", "empty", "NaN", "in", "instanceof", "switch", "case", "default", "throw", "try", "catch",
			"finally", "this");

	/** A node of the expression: its value on the variables. */
	interface Node {

		@Nullable Object value(Map<String, Object> variables);

	}

	private final List<String> tokens;

	/**
	 * Whether the expression's value is a number (a rule's {@code value}, a message's
	 * figure), whose type must be JEXL's as well as its value: a BigDecimal, so each
	 * operation has a BigDecimal operand (JEXL computes two integers as a long).
	 */
	private final boolean decimals;

	private int next;

	private Comparisons(List<String> tokens, boolean decimals) {
		this.tokens = tokens;
		this.decimals = decimals;
	}

	/**
	 * The expression as nodes when it is a boolean of the shape above, or arithmetic of
	 * figures; otherwise null.
	 */
	static @Nullable Node parse(String text) {
		List<String> tokens = ComparisonTokens.of(text);
		if (tokens == null || tokens.isEmpty()) {
			return null;
		}
		try {
			Comparisons parser = new Comparisons(tokens, false);
			Parsed parsed = parser.or();
			if (parser.next != tokens.size()) {
				return null;
			}
			if (parsed.truth()) {
				return parsed.node();
			}
			Comparisons figures = new Comparisons(tokens, true);
			Parsed arithmetic = figures.additive();
			Node node = arithmetic.node();
			return figures.next == tokens.size() && !arithmetic.truth() ? v -> Operands.decimal(node.value(v)) : null;
		}
		catch (Operands.Fallback ex) {
			return null;
		}
	}

	/**
	 * The two operands of an operation; of an operation whose value is a number, one at
	 * least a BigDecimal (of two integers JEXL's value is a long).
	 */
	private BigDecimal[] operands(Node left, Node right, Map<String, Object> variables) {
		Object l = left.value(variables);
		Object r = right.value(variables);
		if (decimals && !(l instanceof BigDecimal) && !(r instanceof BigDecimal)) {
			throw Operands.Fallback.INSTANCE;
		}
		return new BigDecimal[] { Operands.number(l), Operands.number(r) };
	}

	/** A node, and whether its value is a truth (a comparison, a logical operator). */
	private record Parsed(Node node, boolean truth) {
	}

	private Parsed or() {
		Parsed left = and();
		while (accept("||")) {
			Node l = left.node();
			Node r = and().node();
			left = new Parsed(v -> Operands.bool(l.value(v)) || Operands.bool(r.value(v)), true);
		}
		return left;
	}

	private Parsed and() {
		Parsed left = equality();
		while (accept("&&")) {
			Node l = left.node();
			Node r = equality().node();
			left = new Parsed(v -> Operands.bool(l.value(v)) && Operands.bool(r.value(v)), true);
		}
		return left;
	}

	private Parsed equality() {
		Parsed left = relational();
		while (peek("==") || peek("!=")) {
			boolean equal = tokens.get(next++).equals("==");
			Node l = left.node();
			Node r = relational().node();
			left = new Parsed(v -> equal == Operands.equal(l.value(v), r.value(v)), true);
		}
		return left;
	}

	private Parsed relational() {
		Parsed left = additive();
		while (peek("<") || peek("<=") || peek(">") || peek(">=")) {
			String op = tokens.get(next++);
			Node l = left.node();
			Node r = additive().node();
			left = new Parsed(switch (op) {
				case "<" -> v -> Operands.compare(l.value(v), r.value(v)) < 0;
				case "<=" -> v -> Operands.compare(l.value(v), r.value(v)) <= 0;
				case ">" -> v -> Operands.compare(l.value(v), r.value(v)) > 0;
				default -> v -> Operands.compare(l.value(v), r.value(v)) >= 0;
			}, true);
		}
		return left;
	}

	private Parsed additive() {
		Parsed left = multiplicative();
		while (peek("+") || peek("-")) {
			boolean plus = tokens.get(next++).equals("+");
			Node l = left.node();
			Node r = multiplicative().node();
			left = new Parsed(v -> {
				BigDecimal[] o = operands(l, r, v);
				return Operands.exact(plus ? o[0].add(o[1]) : o[0].subtract(o[1]));
			}, false);
		}
		return left;
	}

	private Parsed multiplicative() {
		Parsed left = unary();
		while (peek("*") || peek("/")) {
			boolean times = tokens.get(next++).equals("*");
			Node l = left.node();
			Node r = unary().node();
			left = new Parsed(times ? v -> {
				BigDecimal[] o = operands(l, r, v);
				return Operands.exact(o[0].multiply(o[1]));
			} : v -> Operands.divide(l.value(v), r.value(v)), false);
		}
		return left;
	}

	private Parsed unary() {
		if (accept("!")) {
			Node operand = unary().node();
			return new Parsed(v -> !Operands.bool(operand.value(v)), true);
		}
		if (accept("(")) {
			Parsed inner = or();
			if (!accept(")")) {
				throw Operands.Fallback.INSTANCE;
			}
			return inner;
		}
		if (next >= tokens.size()) {
			throw Operands.Fallback.INSTANCE;
		}
		String token = tokens.get(next++);
		char first = token.charAt(0);
		if (first == '\'' || first == '"') {
			String text = token.substring(1, token.length() - 1);
			return new Parsed(v -> text, false);
		}
		if (Character.isDigit(first)) {
			Integer number = Integer.valueOf(token);
			return new Parsed(v -> number, false);
		}
		return switch (token) {
			case "null" -> new Parsed(v -> null, false);
			case "true" -> new Parsed(v -> Boolean.TRUE, true);
			case "false" -> new Parsed(v -> Boolean.FALSE, true);
			default -> variable(token);
		};
	}

	private static Parsed variable(String token) {
		String[] path = token.split("\\.");
		for (String part : path) {
			if (part.isEmpty() || RESERVED.contains(part) || !ComparisonTokens.isIdentifierStart(part.charAt(0))) {
				throw Operands.Fallback.INSTANCE;
			}
		}
		return new Parsed(v -> {
			Object value = Operands.read(v, path[0]);
			for (int i = 1; i < path.length; i++) {
				if (!(value instanceof Map<?, ?> map)) {
					throw Operands.Fallback.INSTANCE;
				}
				value = Operands.read(map, path[i]);
			}
			return value;
		}, false);
	}

	private boolean peek(String token) {
		return next < tokens.size() && tokens.get(next).equals(token);
	}

	private boolean accept(String token) {
		if (peek(token)) {
			next++;
			return true;
		}
		return false;
	}

}
