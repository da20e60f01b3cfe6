package org.edustat.validate.internal;

import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlExpression;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.introspection.JexlPermissions;

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

	public static JexlExpression compile(String expression) {
		return ENGINE.createExpression(expression);
	}
}
