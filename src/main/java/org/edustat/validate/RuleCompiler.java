package org.edustat.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.edustat.core.Severity;
import org.edustat.form.Field;
import org.edustat.form.Form;
import org.edustat.form.SheetForm;
import org.jspecify.annotations.Nullable;

/**
 * One rule of a rules file made usable: its severity, scope and sheet checked against the
 * form, its expressions compiled against the variables its scope exposes.
 */
final class RuleCompiler {

	private static final Set<String> SCHOOL_FIELDS = Set.of("type", "sponsor", "urbanRural", "name", "district");

	private static final Set<String> REGISTRY_FIELDS = Set.of("type", "sponsor", "urbanRural", "name", "district",
			"status");

	private RuleCompiler() {
	}

	static Rule compile(String file, RuleSpec spec, Form form) {
		String code = spec.code();
		if (code == null || code.isBlank()) {
			throw RuleBook.fail(file, "?", "缺少规则代码 code", "rule without a code");
		}
		Severity severity = switch (String.valueOf(spec.severity()).toLowerCase(Locale.ROOT)) {
			case "error", "错误" -> Severity.ERROR;
			case "warning", "警告" -> Severity.WARNING;
			default -> throw RuleBook.fail(file, code, "severity 应为 error 或 warning,而非「" + spec.severity() + "」",
					"bad severity");
		};
		Scope scope;
		try {
			scope = Scope.valueOf(String.valueOf(spec.scope()).toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw RuleBook.fail(file, code,
					"scope 应为 row、total、sheet、cell、cross、school、history 或 period,而非「" + spec.scope() + "」",
					"bad scope");
		}
		SheetForm sheet = null;
		if (scope == Scope.ROW || scope == Scope.TOTAL || scope == Scope.SHEET) {
			boolean grid = scope != Scope.SHEET;
			List<String> fitting = form.sheets()
				.stream()
				.filter(f -> f.grid() == grid && !f.variables().isEmpty())
				.map(SheetForm::name)
				.toList();
			sheet = form.sheets()
				.stream()
				.filter(f -> f.name().equals(String.valueOf(spec.sheet())))
				.findFirst()
				.filter(f -> fitting.contains(f.name()))
				.orElseThrow(() -> RuleBook.fail(file, code, "scope " + spec.scope() + " 的 sheet 应为 "
						+ String.join("、", fitting) + " 之一,而非「" + spec.sheet() + "」", "bad sheet"));
		}
		Map<String, Object> params = spec.params() == null ? Map.of() : spec.params();
		List<String> metrics = spec.metrics() == null ? List.of() : spec.metrics();
		for (String metric : metrics) {
			if (!form.figures().containsKey(metric)) {
				throw RuleBook.fail(file, code,
						"未知的指标 metrics: " + metric + ",可用(见表式 figures):" + form.figures().keySet(), "unknown metric");
			}
		}
		Map<String, Set<String>> allowed = allowed(scope, sheet, params, form);
		ExpressionCompiler compiler = new ExpressionCompiler(file, code, allowed);
		Expression value = spec.value() == null ? null : compiler.compile(spec.value());
		if (value != null) {
			allowed.put("value", Set.of());
		}
		List<RuleSpec.CheckSpec> checkSpecs = new ArrayList<>();
		if (spec.check() != null) {
			checkSpecs.add(new RuleSpec.CheckSpec(spec.check(), null, null));
		}
		if (spec.checks() != null) {
			checkSpecs.addAll(spec.checks());
		}
		if (checkSpecs.isEmpty() && scope != Scope.PERIOD) {
			throw RuleBook.fail(file, code, "缺少 check(应满足的条件)", "rule without a check");
		}
		List<Rule.Check> checks = new ArrayList<>();
		for (RuleSpec.CheckSpec check : checkSpecs) {
			String message = check.message() != null ? check.message() : spec.message();
			if (message == null || message.isBlank()) {
				throw RuleBook.fail(file, code, "缺少 message(给学校看的中文说明)", "rule without a message");
			}
			String cell = check.cell() != null ? check.cell() : spec.cell();
			if (cell != null
					&& !allowed.containsKey(cell.contains(".") ? cell.substring(0, cell.indexOf('.')) : cell)) {
				throw RuleBook.fail(file, code, "cell「" + cell + "」不是本规则可用的变量", "unknown cell variable");
			}
			checks.add(new Rule.Check(check.test() == null ? null : compiler.compile(check.test()), cell,
					Message.parse(message, compiler::compile)));
		}
		if (scope == Scope.PERIOD && checks.isEmpty()) {
			if (spec.message() == null || spec.message().isBlank()) {
				throw RuleBook.fail(file, code, "缺少 message(给学校看的中文说明)", "rule without a message");
			}
			checks.add(new Rule.Check(null, null, Message.parse(spec.message(), compiler::compile)));
		}
		Expression when = spec.when() == null ? null : compiler.compile(spec.when());
		List<SheetForm> crossSheets = scope != Scope.CROSS ? List.of()
				: form.sheets().stream().filter(f -> f.grid() && compiler.used().contains(f.variable())).toList();
		if (scope == Scope.CROSS && crossSheets.isEmpty()) {
			throw RuleBook.fail(file, code, "cross 范围的规则须引用至少一张表(如 stu.students)", "cross rule names no sheet");
		}
		return new Rule(file, code, spec.name(), severity, scope, sheet, when, value, checks, params, metrics,
				crossSheets, labels(sheet, form));
	}

	/**
	 * The variables a scope exposes: name → its allowed sub-names (empty for plain
	 * values).
	 */
	private static Map<String, Set<String>> allowed(Scope scope, @Nullable SheetForm sheet, Map<String, Object> params,
			Form form) {
		Map<String, Set<String>> names = new HashMap<>();
		names.put("params", params.keySet());
		names.put("school", SCHOOL_FIELDS);
		switch (scope) {
			case ROW -> {
				Objects.requireNonNull(sheet).variables().keySet().forEach(v -> names.put(v, Set.of()));
				names.put("row", Set.of());
				names.put("isTotal", Set.of());
				names.put("gradeTaught", Set.of());
			}
			case TOTAL -> {
				names.put("total", Set.of());
				names.put("sum", Set.of());
				names.put("column", Set.of());
			}
			case SHEET -> Objects.requireNonNull(sheet).variables().keySet().forEach(v -> names.put(v, Set.of()));
			case CELL -> List.of("value", "sheet", "row", "column").forEach(v -> names.put(v, Set.of()));
			case CROSS -> {
				form.sheets()
					.stream()
					.filter(f -> f.grid() && f.variable() != null)
					.forEach(f -> names.put(f.variable(), f.variables().keySet()));
				names.put("row", Set.of());
			}
			case SCHOOL -> {
				form.figures().keySet().forEach(v -> names.put(v, Set.of()));
				names.put("registry", REGISTRY_FIELDS);
			}
			case HISTORY -> List.of("value", "previous", "firstHalf", "wholeYear", "halfYear", "metric")
				.forEach(v -> names.put(v, Set.of()));
			case PERIOD -> List.of("count", "district").forEach(v -> names.put(v, Set.of()));
		}
		return names;
	}

	/**
	 * Each variable a rule may name as a person reads it: {name, unit} of the sheet's
	 * columns or items, and the form's figures.
	 */
	private static Map<String, String[]> labels(@Nullable SheetForm sheet, Form form) {
		Map<String, String[]> labels = new HashMap<>();
		form.figures().values().forEach(f -> labels.put(f.name(), new String[] { f.label(), "" }));
		if (sheet != null) {
			List<Field> fields = new ArrayList<>(sheet.columns());
			fields.addAll(sheet.items());
			sheet.variables()
				.forEach((variable, name) -> fields.stream()
					.filter(f -> f.name().equals(name))
					.findFirst()
					.ifPresent(f -> labels.put(variable, new String[] { f.name(), f.unit() == null ? "" : f.unit() })));
		}
		return Map.copyOf(labels);
	}

}
