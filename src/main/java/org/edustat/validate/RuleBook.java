package org.edustat.validate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.edustat.core.Severity;
import org.edustat.form.Form;
import org.jspecify.annotations.Nullable;
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
	public record RuleSpecSummary(String code, @Nullable String name, Severity severity, String message) {
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
				Rule rule = RuleCompiler.compile(file.getFileName().toString(), spec, form);
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
					+ String.valueOf(ex.getMessage()).lines().findFirst().orElse(""), ex);
		}
	}

	static RuleFileException fail(String file, String code, String problem, String english) {
		return new RuleFileException("规则文件 " + file + " 中的规则 " + code + ":" + problem + " (rules file " + file
				+ ", rule " + code + ": " + english + ")");
	}

}
