package org.edustat.validate.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;

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
import org.jspecify.annotations.Nullable;

/**
 * The expression engine: JEXL with its secure permissions and the language cut down to
 * expressions over data — no object creation, no method calls, no loops, no assignments,
 * no pragmas, no lambdas.
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

	/**
	 * Compiles an expression in the sandbox; one of the common shape of a rule's test is
	 * evaluated by {@link Comparisons}, JEXL's interpreter taking what it hands back.
	 */
	public static Expression compile(String text) {
		return compile(text, true);
	}

	/** Compiles it for JEXL's interpreter alone (what the shortcut is compared with). */
	static Expression compileForJexl(String text) {
		return compile(text, false);
	}

	private static Expression compile(String text, boolean shortcut) {
		try {
			JexlExpression compiled = ENGINE.createExpression(text);
			return new Compiled(compiled, ((JexlScript) compiled).getVariables().stream().map(List::copyOf).toList(),
					shortcut ? Comparisons.parse(text) : null);
		}
		catch (JexlException ex) {
			throw new ExpressionException(ex.getMessage(), ex);
		}
	}

	private record Compiled(JexlExpression compiled, List<List<String>> variables,
			Comparisons.@Nullable Node shortcut) implements Expression {

		@Override
		public Object evaluate(Map<String, Object> variables) {
			if (shortcut != null) {
				try {
					return Objects.requireNonNull(shortcut.value(variables));
				}
				catch (Operands.Fallback ex) {
					// JEXL's to answer, or to refuse
				}
			}
			try {
				return compiled.evaluate(new MapContext(variables));
			}
			catch (JexlException ex) {
				throw new ExpressionException(ex.getMessage(), ex);
			}
		}

		@Override
		public String text() {
			return compiled.getSourceText();
		}
	}

}
