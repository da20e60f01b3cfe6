package org.edustat.validate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.edustat.core.Severity;
import org.edustat.form.Field;
import org.edustat.form.Form;
import org.edustat.form.SheetForm;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The audit rules of jobs/rules/*.yaml. Loading refuses a file that cannot be used — an
 * unknown key, a duplicate code, a rule without a message, an expression that does not
 * parse or reaches outside the data — and says which file and rule and what is wrong.
 */
public final class RuleBook {

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private static final Set<String> SCHOOL_FIELDS = Set.of("type", "sponsor", "urbanRural", "name", "district");

	private static final Set<String> REGISTRY_FIELDS = Set.of("type", "sponsor", "urbanRural", "name", "district",
			"status");

	private final List<Rule> rules;

	private final Form form;

	private RuleBook(List<Rule> rules, Form form) {
		this.rules = List.copyOf(rules);
		this.form = form;
	}

	/** The form the rules were checked against. */
	public Form form() {
		return form;
	}

	List<Rule> rules() {
		return rules;
	}

	public List<String> codes() {
		return rules.stream().map(Rule::code).toList();
	}

	/**
	 * The severity and message of a rule, for findings computed outside the engine (Y03).
	 */
	public Optional<RuleSpecSummary> summary(String code) {
		return rules.stream()
			.filter(r -> r.code().equals(code))
			.findFirst()
			.map(r -> new RuleSpecSummary(r.code(), r.name(), r.severity(), r.checks().get(0).message().toString()));
	}

	/**
	 * The rules about a period as a whole (scope period): what is missing from it, found
	 * after every file is taken.
	 */
	public List<RuleSpecSummary> periodRules() {
		return rules.stream().filter(r -> r.scope() == Scope.PERIOD).map(r -> summary(r.code()).orElseThrow()).toList();
	}

	/** A rule's code, name, severity and message template. */
	public record RuleSpecSummary(String code, String name, Severity severity, String message) {
	}

	/**
	 * Reads every *.yaml file of the folder, in name order, and checks every rule against
	 * the form.
	 */
	public static RuleBook load(Path folder, Form form) {
		if (!Files.isDirectory(folder)) {
			throw new RuleFileException("找不到规则目录 " + folder + " (rules folder not found)");
		}
		List<Path> files;
		try (Stream<Path> list = Files.list(folder)) {
			files = list.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
		}
		catch (IOException ex) {
			throw new RuleFileException("无法读取规则目录 " + folder + " (cannot list rules folder)", ex);
		}
		List<Rule> rules = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		for (Path file : files) {
			for (RuleSpec spec : read(file)) {
				Rule rule = compile(file.getFileName().toString(), spec, form);
				if (!codes.add(rule.code())) {
					throw fail(file.getFileName().toString(), rule.code(), "规则代码重复", "duplicate rule code");
				}
				rules.add(rule);
			}
		}
		return new RuleBook(rules, form);
	}

	private static List<RuleSpec> read(Path file) {
		try {
			List<RuleSpec> specs = YAML.readValue(Files.readString(file), new TypeReference<List<RuleSpec>>() {
			});
			return specs == null ? List.of() : specs;
		}
		catch (IOException | JacksonException ex) {
			throw new RuleFileException("规则文件 " + file.getFileName() + " 格式错误 (invalid rules file): "
					+ ex.getMessage().lines().findFirst().orElse(""), ex);
		}
	}

	static Rule compile(String file, RuleSpec spec, Form form) {
		String code = spec.code();
		if (code == null || code.isBlank()) {
			throw fail(file, "?", "缺少规则代码 code", "rule without a code");
		}
		Severity severity = switch (String.valueOf(spec.severity()).toLowerCase(Locale.ROOT)) {
			case "error", "错误" -> Severity.ERROR;
			case "warning", "警告" -> Severity.WARNING;
			default ->
				throw fail(file, code, "severity 应为 error 或 warning,而非「" + spec.severity() + "」", "bad severity");
		};
		Scope scope;
		try {
			scope = Scope.valueOf(String.valueOf(spec.scope()).toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw fail(file, code,
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
				.orElseThrow(() -> fail(file, code, "scope " + spec.scope() + " 的 sheet 应为 " + String.join("、", fitting)
						+ " 之一,而非「" + spec.sheet() + "」", "bad sheet"));
		}
		Map<String, Object> params = spec.params() == null ? Map.of() : spec.params();
		List<String> metrics = spec.metrics() == null ? List.of() : spec.metrics();
		for (String metric : metrics) {
			if (!form.figures().containsKey(metric)) {
				throw fail(file, code, "未知的指标 metrics: " + metric + ",可用(见表式 figures):" + form.figures().keySet(),
						"unknown metric");
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
			throw fail(file, code, "缺少 check(应满足的条件)", "rule without a check");
		}
		List<Rule.Check> checks = new ArrayList<>();
		for (RuleSpec.CheckSpec check : checkSpecs) {
			String message = check.message() != null ? check.message() : spec.message();
			if (message == null || message.isBlank()) {
				throw fail(file, code, "缺少 message(给学校看的中文说明)", "rule without a message");
			}
			String cell = check.cell() != null ? check.cell() : spec.cell();
			if (cell != null
					&& !allowed.containsKey(cell.contains(".") ? cell.substring(0, cell.indexOf('.')) : cell)) {
				throw fail(file, code, "cell「" + cell + "」不是本规则可用的变量", "unknown cell variable");
			}
			checks.add(new Rule.Check(check.test() == null ? null : compiler.compile(check.test()), cell,
					Message.parse(message, compiler::compile)));
		}
		if (scope == Scope.PERIOD && checks.isEmpty()) {
			if (spec.message() == null || spec.message().isBlank()) {
				throw fail(file, code, "缺少 message(给学校看的中文说明)", "rule without a message");
			}
			checks.add(new Rule.Check(null, null, Message.parse(spec.message(), compiler::compile)));
		}
		Expression when = spec.when() == null ? null : compiler.compile(spec.when());
		List<SheetForm> crossSheets = scope != Scope.CROSS ? List.of()
				: form.sheets().stream().filter(f -> f.grid() && compiler.used().contains(f.variable())).toList();
		if (scope == Scope.CROSS && crossSheets.isEmpty()) {
			throw fail(file, code, "cross 范围的规则须引用至少一张表(如 stu.students)", "cross rule names no sheet");
		}
		return new Rule(file, code, spec.name(), severity, scope, sheet, when, value, checks, params, metrics,
				crossSheets, labels(sheet, form));
	}

	/**
	 * The variables a scope exposes: name → its allowed sub-names (empty for plain
	 * values).
	 */
	private static Map<String, Set<String>> allowed(Scope scope, SheetForm sheet, Map<String, Object> params,
			Form form) {
		Map<String, Set<String>> names = new HashMap<>();
		names.put("params", params.keySet());
		names.put("school", SCHOOL_FIELDS);
		switch (scope) {
			case ROW -> {
				sheet.variables().keySet().forEach(v -> names.put(v, Set.of()));
				names.put("row", Set.of());
				names.put("isTotal", Set.of());
				names.put("gradeTaught", Set.of());
			}
			case TOTAL -> {
				names.put("total", Set.of());
				names.put("sum", Set.of());
				names.put("column", Set.of());
			}
			case SHEET -> sheet.variables().keySet().forEach(v -> names.put(v, Set.of()));
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
	private static Map<String, String[]> labels(SheetForm sheet, Form form) {
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

	static RuleFileException fail(String file, String code, String problem, String english) {
		return new RuleFileException("规则文件 " + file + " 中的规则 " + code + ":" + problem + " (rules file " + file
				+ ", rule " + code + ": " + english + ")");
	}

}
