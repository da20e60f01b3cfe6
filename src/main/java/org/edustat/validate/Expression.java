package org.edustat.validate;

import java.util.List;
import java.util.Map;

import org.edustat.validate.internal.Sandbox;

/**
 * An expression of a rule or an indicator over data — comparisons and arithmetic, nothing
 * else — compiled once and evaluated on each set of variables. The engine behind it stays
 * in {@code validate.internal}.
 */
public interface Expression {

	/**
	 * Compiles an expression of the statisticians' files.
	 * @throws ExpressionException when it cannot be parsed or uses what the sandbox
	 * refuses
	 */
	static Expression compile(String text) {
		return Sandbox.compile(text);
	}

	/** The value on the given variables (maps are read by key: {@code row.students}). */
	Object evaluate(Map<String, Object> variables);

	/** The variables it names, each as its path ({@code [row, students]}). */
	List<List<String>> variables();

	/** The text it was compiled from. */
	String text();

}
