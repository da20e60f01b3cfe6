package org.edustat.validate;

import java.util.List;
import java.util.Map;

import org.apache.commons.jexl3.JexlExpression;
import org.edustat.core.Severity;
import org.edustat.core.SheetKind;

/** A rule ready to evaluate: its expressions compiled and checked against what its scope exposes. */
record Rule(String file, String code, String name, Severity severity, Scope scope, SheetKind sheet, JexlExpression when,
		JexlExpression value, List<Check> checks, Map<String, Object> params, List<String> metrics) {

	/** A condition, the variable whose cell a failure points at, and the message it gives. */
	record Check(JexlExpression test, String cell, Message message) {
	}
}
