package org.edustat.validate;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.edustat.core.CellRef;
import org.edustat.core.Figure;
import org.edustat.core.Finding;
import org.edustat.core.SheetData;
import org.edustat.form.SheetForm;

/**
 * Evaluates a rule on one set of variables: every failing check one finding at its cell;
 * a check over a figure the workbook lacks is skipped.
 */
final class RuleChecks {

	private RuleChecks() {
	}

	/**
	 * A row's figures by variable; a row the sheet lacks is zeros, a column the workbook
	 * lacks is absent.
	 */
	static Map<String, Object> row(SheetData sheet, String row, SheetForm form, Map<String, CellRef> cells,
			Set<String> absent) {
		Map<String, Object> values = new HashMap<>();
		String prefix = form.variable() + ".";
		Map<String, Figure> figures = sheet.rows().get(row);
		form.variables().forEach((variable, column) -> {
			Figure figure = figures == null ? null : figures.get(column);
			if (figure != null) {
				values.put(variable, figure.value());
				cells.put(prefix + variable, figure.cell());
			}
			else if (sheet.rows().values().stream().anyMatch(r -> r.containsKey(column))) {
				values.put(variable, BigDecimal.ZERO);
			}
			else {
				values.put(variable, null);
				absent.add(prefix + variable);
			}
		});
		return values;
	}

	/**
	 * Evaluates a rule on one set of variables: every check that fails gives a finding,
	 * one per cell (a later, weaker check on a cell already marked adds nothing). An
	 * expression over a figure the workbook does not have (a column added to the form
	 * after it was filled) is not applicable and is skipped.
	 */
	static void apply(Rule rule, Map<String, Object> vars, Set<String> absent, Map<String, CellRef> cells,
			CellRef fallback, List<Finding> findings) {
		Map<String, Object> context = vars;
		if (rule.when() != null
				&& (RuleVariables.uses(rule.when(), absent) || !Boolean.TRUE.equals(rule.when().evaluate(context)))) {
			return;
		}
		if (rule.value() != null) {
			if (RuleVariables.uses(rule.value(), absent)) {
				return;
			}
			vars.put("value", rule.value().evaluate(context));
		}
		Set<CellRef> marked = null;
		for (Rule.Check check : rule.checks()) {
			if (check.test() == null || RuleVariables.uses(check.test(), absent)
					|| Boolean.TRUE.equals(check.test().evaluate(context))) {
				continue;
			}
			CellRef cell = check.cell() == null ? fallback : cells.getOrDefault(check.cell(), fallback);
			if (marked == null) {
				marked = new HashSet<>();
			}
			if (cell.row() > 0 && !marked.add(cell)) {
				continue;
			}
			findings.add(new Finding(rule.code(), rule.severity(), cell, check.message().render(context),
					"rule " + rule.code() + " failed: " + check.test().text(),
					RuleVariables.values(rule, check.test(), vars)));
		}
	}

}
