package org.edustat.validate.internal;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlExpression;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.JexlScript;
import org.apache.commons.jexl3.MapContext;
import org.apache.commons.jexl3.introspection.JexlPermissions;
import org.edustat.validate.Expression;
import org.edustat.validate.ExpressionException;

/**
 * The expression engine: JEXL with its secure permissions and the language cut down to expressions over data — no
 * object creation, no method calls, no loops, no assignments, no pragmas, no lambdas.
 */
public final class Sandbox {

	private static final JexlFeatures FEATURES = new JexlFeatures().script(false)
		.newInstance(false)
		.methodCall(false)
		.loops(false)
		.sideEffect(false)
		.sideEffectGlobal(false)
		.lambda(false)
		.fatArrow(false)
		.thinArrow(false)
		.pragma(false)
		.importPragma(false)
		.namespacePragma(false)
		.namespaceIdentifier(false)
		.annotation(false)
		.localVar(false)
		.structuredLiteral(false);

	private static final JexlEngine ENGINE = new JexlBuilder().features(FEATURES)
		.permissions(JexlPermissions.SECURE)
		.strict(true)
		.safe(false)
		.silent(false)
		.cache(1024)
		.create();

	private Sandbox() {
	}

	/** Results an expression keeps, at most; emptied when full. */
	private static final int MAX_RESULTS = 4_096;

	/** Stands in a result's key for a variable the map does not hold (which the engine refuses, unlike a null). */
	private static final Object ABSENT = new Object();

	/** Compiles an expression in the sandbox. */
	public static Expression compile(String text) {
		try {
			JexlExpression compiled = ENGINE.createExpression(text);
			return new Compiled(compiled, ((JexlScript) compiled).getVariables().stream().map(List::copyOf).toList(),
					new ConcurrentHashMap<>());
		}
		catch (JexlException ex) {
			throw new ExpressionException(ex.getMessage(), ex);
		}
	}

	/**
	 * A compiled expression. In this sandbox an expression is a pure function of the variables it names, so its result
	 * is kept by their values when every one of them is a plain value (text, number, truth or null): a city's workbooks
	 * ask {@code value >= 0} of the same few hundred numbers thousands of times.
	 */
	private record Compiled(JexlExpression compiled, List<List<String>> variables, Map<List<Object>, Object> results)
			implements Expression {

		@Override
		public Object evaluate(Map<String, Object> vars) {
			List<Object> key = key(vars);
			Object known = key == null ? null : results.get(key);
			if (known != null) {
				return known;
			}
			Object result;
			try {
				result = compiled.evaluate(new MapContext(vars));
			}
			catch (JexlException ex) {
				throw new ExpressionException(ex.getMessage(), ex);
			}
			if (key != null && plain(result) && result != null) {
				if (results.size() >= MAX_RESULTS) {
					results.clear();
				}
				results.put(key, result);
			}
			return result;
		}

		/** The values of the variables the expression names, or null when one of them is not a plain value. */
		private List<Object> key(Map<String, Object> vars) {
			Object[] values = new Object[variables.size()];
			for (int i = 0; i < values.length; i++) {
				List<String> path = variables.get(i);
				Object value = vars;
				for (String name : path) {
					if (!(value instanceof Map<?, ?> map)) {
						return null;
					}
					value = map.containsKey(name) ? map.get(name) : ABSENT;
				}
				if (value != ABSENT && !plain(value)) {
					return null;
				}
				values[i] = value;
			}
			return Arrays.asList(values);
		}

		private static boolean plain(Object value) {
			return value == null || value instanceof String || value instanceof BigDecimal || value instanceof Boolean
					|| value instanceof Integer || value instanceof Long;
		}

		@Override
		public String text() {
			return compiled.getSourceText();
		}
	}
}
