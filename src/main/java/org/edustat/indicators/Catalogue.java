package org.edustat.indicators;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.edustat.form.Form;
import org.edustat.form.FormFigure;
import org.edustat.validate.Expression;
import org.edustat.validate.ExpressionException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The indicators of jobs/indicators.yaml; a file that cannot be used is refused naming
 * the indicator and the problem.
 */
public final class Catalogue {

	private final List<Indicator> indicators;

	private final Form form;

	private Catalogue(List<Indicator> indicators, Form form) {
		this.indicators = List.copyOf(indicators);
		this.form = form;
	}

	/** The form the indicators' cells were checked against. */
	public Form form() {
		return form;
	}

	public List<Indicator> indicators() {
		return indicators;
	}

	public Optional<Indicator> find(String code) {
		return indicators.stream().filter(i -> i.code().equals(code)).findFirst();
	}

	public static Catalogue load(Path file, Form form) {
		List<IndicatorSpec> specs;
		try {
			specs = YAMLMapper.builder()
				.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
				.build()
				.readValue(Files.readString(file), new TypeReference<List<IndicatorSpec>>() {
				});
		}
		catch (IOException | JacksonException ex) {
			throw new IllegalStateException("指标文件 " + file.getFileName() + " 格式错误 (invalid indicators file): "
					+ String.valueOf(ex.getMessage()).lines().findFirst().orElse(""), ex);
		}
		List<Indicator> indicators = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		for (IndicatorSpec spec : specs) {
			Indicator indicator = compile(spec, form);
			if (!codes.add(indicator.code())) {
				throw fail(spec.code(), "指标代码重复", "duplicate indicator code");
			}
			indicators.add(indicator);
		}
		return new Catalogue(indicators, form);
	}

	private static Indicator compile(IndicatorSpec spec, Form form) {
		String code = spec.code();
		if (code == null || spec.name() == null || spec.unit() == null) {
			throw fail(code, "缺少 code、name 或 unit", "missing code, name or unit");
		}
		boolean flow = switch (String.valueOf(spec.kind())) {
			case "stock" -> false;
			case "flow" -> true;
			default -> throw fail(code, "kind 应为 stock 或 flow", "bad kind");
		};
		Indicator.UnitKind unitKind;
		try {
			unitKind = Indicator.UnitKind.valueOf(String.valueOf(spec.unitKind()).toUpperCase());
		}
		catch (IllegalArgumentException ex) {
			throw fail(code, "unitKind 应为 count、rate 或 ratio", "bad unitKind");
		}
		boolean higher = switch (String.valueOf(spec.better())) {
			case "higher" -> true;
			case "lower" -> false;
			default -> throw fail(code, "better 应为 higher 或 lower", "bad better");
		};
		if (spec.numerator() == null) {
			throw fail(code, "缺少 numerator", "missing numerator");
		}
		int decimals = spec.decimals() != null ? spec.decimals() : switch (unitKind) {
			case COUNT -> 0;
			case RATE -> 2;
			case RATIO -> 1;
		};
		return new Indicator(code, spec.name(), spec.unit(), flow, unitKind, higher,
				measure(code, spec.numerator(), form),
				spec.denominator() == null ? null : measure(code, spec.denominator(), form),
				spec.scale() == null ? BigDecimal.ONE : spec.scale(), decimals, Boolean.TRUE.equals(spec.stages()),
				Boolean.TRUE.equals(spec.key()));
	}

	private static Measure measure(String code, IndicatorSpec.MeasureSpec spec, Form form) {
		boolean count = Boolean.TRUE.equals(spec.count());
		if (count == (spec.sum() != null)) {
			throw fail(code, "分子或分母须写 sum 或 count: true 之一", "measure needs sum or count");
		}
		String cellPath = null;
		String sum = spec.sum();
		if (sum != null) {
			try {
				FormFigure cell = form.cell(code, code, sum);
				cellPath = cell.sheet() + "." + cell.row() + "." + cell.column();
			}
			catch (IllegalArgumentException ex) {
				throw fail(code, "sum「" + spec.sum() + "」:" + ex.getMessage() + "(见 jobs/form.yaml)",
						"sum names no cell of the form");
			}
		}
		Set<String> attributes = SchoolFacts.attributeNames(form);
		Expression where = null;
		if (spec.where() != null) {
			try {
				where = Expression.compile(spec.where());
			}
			catch (ExpressionException ex) {
				throw fail(code, "条件「" + spec.where() + "」无法解析或不被允许", "condition refused");
			}
			for (List<String> path : where.variables()) {
				if (!attributes.contains(path.get(0))) {
					throw fail(code, "条件「" + spec.where() + "」引用了未知的「" + path.get(0) + "」,可用 "
							+ attributes.stream().sorted().toList(), "unknown attribute " + path.get(0));
				}
			}
		}
		return new Measure(cellPath, where);
	}

	private static IllegalStateException fail(String code, String problem, String english) {
		return new IllegalStateException(
				"指标文件 indicators.yaml 中的指标 " + code + ":" + problem + " (indicator " + code + ": " + english + ")");
	}

}
