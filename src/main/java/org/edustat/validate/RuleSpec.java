package org.edustat.validate;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One rule as a statistician writes it in jobs/rules/*.yaml.
 *
 * @param code the rule's code, e.g. S04
 * @param name a short Chinese name
 * @param severity error (错误, blocks the submission) or warning (警告, flags it)
 * @param scope what the expressions see: row, total, sheet, cell, cross, school, history
 * or period
 * @param sheet the sheet a row, total or sheet rule reads (学生, 教职工, 办学条件, 学生健康)
 * @param when a condition for the rule to apply at all (optional)
 * @param value an expression shown in the message as {value} (optional)
 * @param cell the variable whose cell a finding points at
 * @param check the condition that must hold (or several, in checks)
 * @param checks conditions tried in order; the first that fails gives the finding
 * @param message the Chinese message; {expression} placeholders are evaluated
 * @param params thresholds and other parameters, seen as params.name
 * @param metrics for history rules, the figures compared (students, teachers,
 * buildingArea, enrolment …)
 */
public record RuleSpec(@Nullable String code, @Nullable String name, @Nullable String severity, @Nullable String scope,
		@Nullable String sheet, @Nullable String when, @Nullable String value, @Nullable String cell,
		@Nullable String check, @Nullable List<CheckSpec> checks, @Nullable String message,
		@Nullable Map<String, Object> params, @Nullable List<String> metrics) {

	/**
	 * One condition of a rule, with its own cell and message if they differ from the
	 * rule's.
	 */
	public record CheckSpec(@Nullable String test, @Nullable String cell, @Nullable String message) {
	}
}
