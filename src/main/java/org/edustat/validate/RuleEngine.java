package org.edustat.validate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.commons.jexl3.JexlContext;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlExpression;
import org.apache.commons.jexl3.JexlScript;
import org.apache.commons.jexl3.MapContext;
import org.edustat.core.CellRef;
import org.edustat.core.Figure;
import org.edustat.core.Finding;
import org.edustat.core.Grade;
import org.edustat.core.Period;
import org.edustat.core.RegistryEntry;
import org.edustat.core.SheetData;
import org.edustat.core.SheetKind;
import org.edustat.core.Submission;

/** Applies a {@link RuleBook} to a submission and gives every finding with its cell, message and values. */
public final class RuleEngine {

	private final RuleBook book;

	private final History history;

	private final Registry registry;

	public RuleEngine(RuleBook book, History history, Registry registry) {
		this.book = book;
		this.history = history;
		this.registry = registry;
	}

	public List<Finding> check(Submission submission) {
		List<Finding> findings = new ArrayList<>();
		Map<String, Object> school = school(submission);
		for (Rule rule : book.rules()) {
			try {
				evaluate(rule, submission, school, findings);
			}
			catch (JexlException ex) {
				throw new RuleFileException(RuleBook.fail(rule.file(), rule.code(), "计算出错: " + ex.getMessage(),
						"evaluation failed").getMessage(), ex);
			}
		}
		return findings;
	}

	private void evaluate(Rule rule, Submission submission, Map<String, Object> school, List<Finding> findings) {
		switch (rule.scope()) {
			case ROW -> submission.sheet(rule.sheet()).ifPresent(sheet -> sheet.rows().forEach((row, figures) -> {
				Map<String, Object> vars = base(rule, school);
				Map<String, CellRef> cells = new HashMap<>();
				Names.variables(rule.sheet()).forEach((variable, column) -> {
					Figure figure = figures.get(column);
					vars.put(variable, figure == null ? BigDecimal.ZERO : figure.value());
					if (figure != null) {
						cells.put(variable, figure.cell());
					}
				});
				vars.put("row", row);
				vars.put("isTotal", Grade.TOTAL.equals(row));
				vars.put("gradeTaught", Grade.ofLabel(row).map(g -> submission.school().type().teaches(g)).orElse(true));
				apply(rule, vars, cells, CellRef.sheet(sheet.sheetName()), findings);
			}));
			case TOTAL -> submission.sheet(rule.sheet()).ifPresent(sheet -> {
				for (String column : Names.variables(rule.sheet()).values()) {
					Optional<Figure> total = sheet.figure(Grade.TOTAL, column);
					if (total.isEmpty()) {
						continue;
					}
					BigDecimal sum = sheet.rows().entrySet().stream()
						.filter(e -> !Grade.TOTAL.equals(e.getKey()))
						.map(e -> e.getValue().get(column))
						.filter(f -> f != null)
						.map(Figure::value)
						.reduce(BigDecimal.ZERO, BigDecimal::add);
					Map<String, Object> vars = base(rule, school);
					vars.put("total", total.get().value());
					vars.put("sum", sum);
					vars.put("column", column);
					apply(rule, vars, Map.of("total", total.get().cell()), total.get().cell(), findings);
				}
			});
			case SHEET -> submission.sheet(rule.sheet()).ifPresent(sheet -> {
				Map<String, Object> vars = base(rule, school);
				Map<String, CellRef> cells = new HashMap<>();
				Names.variables(rule.sheet()).forEach((variable, item) -> {
					Optional<Figure> figure = sheet.figure(item, SheetData.VALUE);
					vars.put(variable, figure.map(Figure::value).orElse(BigDecimal.ZERO));
					figure.ifPresent(f -> cells.put(variable, f.cell()));
				});
				apply(rule, vars, cells, CellRef.sheet(sheet.sheetName()), findings);
			});
			case CELL -> submission.sheets().values().forEach(sheet -> sheet.rows().forEach((row, figures) -> figures
				.forEach((column, figure) -> {
					Map<String, Object> vars = base(rule, school);
					vars.put("value", figure.value());
					vars.put("sheet", sheet.kind().label());
					vars.put("row", row);
					vars.put("column", column);
					apply(rule, vars, Map.of("value", figure.cell()), figure.cell(), findings);
				})));
			case CROSS -> cross(rule, submission, school, findings);
			case SCHOOL -> {
				Map<String, Object> vars = base(rule, school);
				Map<String, CellRef> cells = new HashMap<>();
				put(vars, cells, "students", submission, SheetKind.STUDENTS, Grade.TOTAL, "在校生数");
				put(vars, cells, "classes", submission, SheetKind.STUDENTS, Grade.TOTAL, "班数");
				put(vars, cells, "teachers", submission, SheetKind.STAFF, "专任教师", "人数");
				vars.put("registry", registry.find(submission.school().id()).map(RuleEngine::registry).orElse(null));
				cells.put("school", CellRef.sheet(SheetKind.BASIC.label()));
				cells.put("registry", CellRef.sheet(SheetKind.BASIC.label()));
				apply(rule, vars, cells, CellRef.sheet(SheetKind.BASIC.label()), findings);
			}
			case HISTORY -> history(rule, submission, school, findings);
			case PERIOD -> {
			}
		}
	}

	private void cross(Rule rule, Submission submission, Map<String, Object> school, List<Finding> findings) {
		Optional<SheetData> students = submission.sheet(SheetKind.STUDENTS);
		Optional<SheetData> health = submission.sheet(SheetKind.HEALTH);
		if (students.isEmpty() || health.isEmpty()) {
			return;
		}
		for (String row : health.get().rows().keySet()) {
			if (!students.get().hasRow(row)) {
				continue;
			}
			Map<String, Object> vars = base(rule, school);
			Map<String, CellRef> cells = new HashMap<>();
			vars.put("stu", row(students.get(), row, SheetKind.STUDENTS, "stu.", cells));
			vars.put("hlt", row(health.get(), row, SheetKind.HEALTH, "hlt.", cells));
			vars.put("row", row);
			apply(rule, vars, cells, CellRef.sheet(health.get().sheetName()), findings);
		}
	}

	private void history(Rule rule, Submission submission, Map<String, Object> school, List<Finding> findings) {
		Period period = submission.period();
		for (String name : rule.metrics()) {
			Names.Metric metric = Names.METRICS.get(name);
			Optional<Figure> figure = submission.sheet(metric.sheet()).flatMap(s -> s.figure(metric.row(), metric.column()));
			if (figure.isEmpty()) {
				continue;
			}
			Map<String, Object> vars = base(rule, school);
			vars.put("value", figure.get().value());
			vars.put("previous", earlier(submission, period.sameLastYear(), metric));
			vars.put("firstHalf", period.halfYear() ? null : earlier(submission, period.firstHalfOfYear(), metric));
			vars.put("wholeYear", period.halfYear() ? earlier(submission, period.wholeYearOf(), metric) : null);
			vars.put("halfYear", period.halfYear());
			vars.put("metric", metric.label());
			apply(rule, vars, Map.of("value", figure.get().cell()), figure.get().cell(), findings);
		}
	}

	private BigDecimal earlier(Submission submission, Period period, Names.Metric metric) {
		return history.value(submission.school().id(), period, metric.sheet(), metric.row(), metric.column()).orElse(null);
	}

	private static Map<String, Object> row(SheetData sheet, String row, SheetKind kind, String prefix, Map<String, CellRef> cells) {
		Map<String, Object> values = new HashMap<>();
		Names.variables(kind).forEach((variable, column) -> {
			Optional<Figure> figure = sheet.figure(row, column);
			values.put(variable, figure.map(Figure::value).orElse(BigDecimal.ZERO));
			figure.ifPresent(f -> cells.put(prefix + variable, f.cell()));
		});
		return values;
	}

	private static void put(Map<String, Object> vars, Map<String, CellRef> cells, String variable, Submission submission,
			SheetKind kind, String row, String column) {
		Optional<Figure> figure = submission.sheet(kind).flatMap(s -> s.figure(row, column));
		vars.put(variable, figure.map(Figure::value).orElse(BigDecimal.ZERO));
		figure.ifPresent(f -> cells.put(variable, f.cell()));
	}

	private static void apply(Rule rule, Map<String, Object> vars, Map<String, CellRef> cells, CellRef fallback,
			List<Finding> findings) {
		JexlContext context = new MapContext(vars);
		if (rule.when() != null && !Boolean.TRUE.equals(rule.when().evaluate(context))) {
			return;
		}
		if (rule.value() != null) {
			vars.put("value", rule.value().evaluate(context));
		}
		for (Rule.Check check : rule.checks()) {
			if (check.test() == null || Boolean.TRUE.equals(check.test().evaluate(context))) {
				continue;
			}
			CellRef cell = check.cell() == null ? fallback : cells.getOrDefault(check.cell(), fallback);
			findings.add(new Finding(rule.code(), rule.severity(), cell, check.message().render(context),
					"rule " + rule.code() + " failed: " + check.test().getSourceText(), values(check.test(), vars)));
			return;
		}
	}

	private static String values(JexlExpression test, Map<String, Object> vars) {
		Map<String, String> shown = new LinkedHashMap<>();
		for (List<String> path : ((JexlScript) test).getVariables()) {
			if ("params".equals(path.get(0)) || "school".equals(path.get(0))) {
				continue;
			}
			Object value = vars.get(path.get(0));
			if (path.size() > 1 && value instanceof Map<?, ?> map) {
				value = map.get(path.get(1));
			}
			shown.put(String.join(".", path), Message.format(value));
		}
		return shown.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
	}

	private static Map<String, Object> base(Rule rule, Map<String, Object> school) {
		Map<String, Object> vars = new HashMap<>();
		vars.put("params", rule.params());
		vars.put("school", school);
		return vars;
	}

	private static Map<String, Object> school(Submission submission) {
		return profile(submission.school());
	}

	private static Map<String, Object> registry(RegistryEntry entry) {
		Map<String, Object> registry = profile(entry.school());
		registry.put("status", entry.status());
		return registry;
	}

	private static Map<String, Object> profile(org.edustat.core.SchoolProfile s) {
		Map<String, Object> profile = new HashMap<>();
		profile.put("type", s.type().label());
		profile.put("sponsor", s.sponsor().label());
		profile.put("urbanRural", s.urbanRural().label());
		profile.put("name", s.name());
		profile.put("district", s.district().value());
		return profile;
	}
}
