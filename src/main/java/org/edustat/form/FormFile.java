package org.edustat.form;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.edustat.core.Stage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads jobs/form.yaml into a {@link Form}, checking every entry and naming file, entry
 * and problem when one is wrong.
 */
final class FormFile {

	private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private FormFile() {
	}

	/** Reads and checks a form file. */
	static Form read(Path file) {
		String fileName = file.getFileName().toString();
		FormSpec spec;
		try {
			spec = YAML.readValue(Files.readString(file), FormSpec.class);
		}
		catch (IOException | JacksonException ex) {
			throw new FormException("表式文件 " + fileName + " 无法读取或格式错误 (invalid form file): "
					+ String.valueOf(ex.getMessage()).lines().findFirst().orElse(""), ex);
		}
		if (spec == null || spec.sheets() == null || spec.sheets().isEmpty()) {
			throw fail(fileName, "sheets", "没有工作表", "no sheets");
		}
		Map<String, SheetForm> sheets = new LinkedHashMap<>();
		for (FormSpec.SheetSpec sheetSpec : spec.sheets()) {
			SheetForm sheet = sheet(fileName, sheetSpec, sheets, false);
			for (SheetForm other : sheets.values()) {
				if (other.answersTo(sheet.name()) || sheet.aliases().stream().anyMatch(other::answersTo)) {
					throw fail(fileName, "工作表「" + sheet.name() + "」", "名称或别名与工作表「" + other.name() + "」相同",
							"name or alias used by sheet " + other.name());
				}
			}
			sheets.put(sheet.name(), sheet);
		}
		int figureCount = sheets.values().stream().mapToInt(SheetForm::figureCapacity).sum();
		if (figureCount > Form.MAX_FIGURES) {
			throw fail(fileName, "sheets", "一份报表最多 " + Form.MAX_FIGURES + " 个数字,本表式可有 " + figureCount + " 个",
					"at most " + Form.MAX_FIGURES + " figures a submission, this form allows " + figureCount);
		}
		SheetForm basic = sheets.get(Form.BASIC);
		if (basic == null || basic.grid()) {
			throw fail(fileName, "工作表「" + Form.BASIC + "」", "缺少项目表「" + Form.BASIC + "」(用于识别学校和统计期)",
					"sheet 基本情况 missing");
		}
		for (String item : Form.IDENTITY) {
			if (basic.items().stream().noneMatch(i -> i.name().equals(item) && i.required())) {
				throw fail(fileName, "工作表「" + Form.BASIC + "」", "缺少必填项目「" + item + "」",
						"required item " + item + " missing");
			}
		}
		List<SheetForm> references = new ArrayList<>();
		for (FormSpec.SheetSpec referenceSpec : spec.references() == null ? List.<FormSpec.SheetSpec>of()
				: spec.references()) {
			references.add(sheet(fileName, referenceSpec, Map.of(), true));
		}
		Form.REFERENCE_COLUMNS.forEach((name, columns) -> {
			SheetForm reference = references.stream()
				.filter(r -> r.name().equals(name))
				.findFirst()
				.orElseThrow(() -> fail(fileName, "references", "缺少参考数据工作表「" + name + "」", "reference sheet missing"));
			for (String column : columns) {
				if (reference.columns().stream().noneMatch(c -> c.name().equals(column))) {
					throw fail(fileName, "参考数据「" + name + "」", "缺少列「" + column + "」", "column " + column + " missing");
				}
			}
		});
		Form draft = new Form(List.copyOf(sheets.values()), Map.of(), references);
		Map<String, FormFigure> figures = new LinkedHashMap<>();
		(spec.figures() == null ? Map.<String, FormSpec.FigureSpec>of() : spec.figures()).forEach((name, figure) -> {
			String entry = "figures 中的「" + name + "」";
			if (!VARIABLE.matcher(name).matches()) {
				throw fail(fileName, entry, "名称只能用英文字母、数字和下划线", "bad figure name");
			}
			if (figure == null || figure.cell() == null || figure.label() == null) {
				throw fail(fileName, entry, "须写 label 和 cell", "label and cell required");
			}
			try {
				figures.put(name, draft.cell(name, figure.label(), figure.cell()));
			}
			catch (IllegalArgumentException ex) {
				throw fail(fileName, entry, String.valueOf(ex.getMessage()), "unknown cell " + figure.cell());
			}
		});
		return new Form(List.copyOf(sheets.values()), figures, references);
	}

	static SheetForm sheet(String file, FormSpec.SheetSpec spec, Map<String, SheetForm> earlier, boolean reference) {
		if (spec == null || blank(spec.name())) {
			throw fail(file, "sheets", "有工作表缺少 name", "sheet without a name");
		}
		String entry = (reference ? "参考数据「" : "工作表「") + spec.name() + "」";
		List<String> aliases = spec.aliases() == null ? List.of() : spec.aliases();
		if (reference) {
			List<Field> columns = fields(file, entry, "列", spec.columns(), false);
			return new SheetForm(spec.name(), aliases, SheetForm.Layout.GRID, false, null, null, List.of(), columns,
					List.of());
		}
		SheetForm.Layout layout = switch (String.valueOf(spec.layout()).toLowerCase(Locale.ROOT)) {
			case "items" -> SheetForm.Layout.ITEMS;
			case "grid" -> SheetForm.Layout.GRID;
			default ->
				throw fail(file, entry, "layout 应为 items(项目表)或 grid(行×列),而非「" + spec.layout() + "」", "bad layout");
		};
		if (spec.var() != null && !VARIABLE.matcher(spec.var()).matches()) {
			throw fail(file, entry, "var「" + spec.var() + "」只能用英文字母、数字和下划线", "bad var");
		}
		if (spec.attribute() != null && !VARIABLE.matcher(spec.attribute()).matches()) {
			throw fail(file, entry, "attribute「" + spec.attribute() + "」只能用英文字母、数字和下划线", "bad attribute");
		}
		SheetForm sheet;
		if (layout == SheetForm.Layout.ITEMS) {
			if (spec.rows() != null || spec.columns() != null || spec.rowsFrom() != null) {
				throw fail(file, entry, "项目表只写 items,不写 rows、rowsFrom 或 columns", "items sheet with rows or columns");
			}
			sheet = new SheetForm(spec.name(), aliases, layout, Boolean.TRUE.equals(spec.required()), spec.var(),
					spec.attribute(), List.of(), List.of(), fields(file, entry, "项目", spec.items(), true));
		}
		else {
			if (spec.items() != null) {
				throw fail(file, entry, "行×列的表不写 items", "grid sheet with items");
			}
			List<Field> rows;
			if (spec.rowsFrom() != null) {
				if (spec.rows() != null) {
					throw fail(file, entry, "rows 与 rowsFrom 只能写一个", "both rows and rowsFrom");
				}
				SheetForm source = earlier.get(spec.rowsFrom());
				if (source == null || !source.grid()) {
					throw fail(file, entry, "rowsFrom「" + spec.rowsFrom() + "」不是前面已定义的行×列工作表", "bad rowsFrom");
				}
				rows = source.rows();
			}
			else {
				rows = fields(file, entry, "行", spec.rows(), false);
			}
			if (rows.stream().filter(Field::total).count() > 1) {
				throw fail(file, entry, "只能有一个合计行(total: true)", "more than one total row");
			}
			sheet = new SheetForm(spec.name(), aliases, layout, Boolean.TRUE.equals(spec.required()), spec.var(),
					spec.attribute(), rows, fields(file, entry, "列", spec.columns(), true), List.of());
		}
		Set<String> variables = new HashSet<>();
		for (Field field : sheet.figures()) {
			if (field.variable() != null && !variables.add(field.variable())) {
				throw fail(file, entry, "变量名 var「" + field.variable() + "」重复", "duplicate var " + field.variable());
			}
		}
		return sheet;
	}

	static List<Field> fields(String file, String entry, String what, List<FormSpec.FieldSpec> specs, boolean values) {
		if (specs == null || specs.isEmpty()) {
			throw fail(file, entry, "没有" + what, "no " + what);
		}
		List<Field> fields = new ArrayList<>();
		Map<String, String> keys = new HashMap<>();
		for (FormSpec.FieldSpec spec : specs) {
			if (spec == null || blank(spec.name())) {
				throw fail(file, entry, "有" + what + "缺少 name", what + " without a name");
			}
			String at = entry + what + "「" + spec.name() + "」";
			Field field = field(file, at, spec, values);
			for (String label : field.names()) {
				String key = Labels.key(label);
				if (key.isEmpty()) {
					throw fail(file, at, "名称或别名为空", "empty name or alias");
				}
				String owner = keys.putIfAbsent(key, field.name());
				if (owner != null && !owner.equals(field.name())) {
					throw fail(file, at, "名称或别名「" + label + "」与" + what + "「" + owner + "」相同(规整后)",
							"alias " + label + " also names " + owner);
				}
			}
			fields.add(field);
		}
		return fields;
	}

	static Field field(String file, String at, FormSpec.FieldSpec spec, boolean values) {
		FieldType type;
		try {
			type = spec.type() == null ? (values ? FieldType.COUNT : FieldType.TEXT)
					: FieldType.valueOf(spec.type().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw fail(file, at, "type 应为 count、number、money、yesno 或 text,而非「" + spec.type() + "」", "bad type");
		}
		if (spec.var() != null && !VARIABLE.matcher(spec.var()).matches()) {
			throw fail(file, at, "var「" + spec.var() + "」只能用英文字母、数字和下划线", "bad var");
		}
		if (spec.stage() != null && Arrays.stream(Stage.values()).noneMatch(s -> s.label().equals(spec.stage()))) {
			throw fail(file, at, "stage「" + spec.stage() + "」不是学段(学前、小学、初中、高中、中职、特教)", "bad stage");
		}
		Map<String, BigDecimal> convert = spec.convert() == null ? Map.of() : Map.copyOf(spec.convert());
		convert.forEach((unit, factor) -> {
			if (factor == null || factor.signum() <= 0) {
				throw fail(file, at, "convert 中「" + unit + "」的乘数应为正数", "conversion factor must be positive");
			}
		});
		if (spec.maxLength() != null && spec.maxLength() < 1) {
			throw fail(file, at, "maxLength 应为正整数", "bad maxLength");
		}
		if (spec.max() != null && (spec.max().signum() < 0 || spec.max().compareTo(Field.LARGEST) > 0)) {
			throw fail(file, at, "max 应在 0 到 " + Field.LARGEST.toPlainString() + " 之间",
					"max must be between 0 and " + Field.LARGEST.toPlainString());
		}
		return new Field(spec.name().strip(), spec.aliases() == null ? List.of() : List.copyOf(spec.aliases()), type,
				spec.unit() == null ? "" : spec.unit(), convert, Boolean.TRUE.equals(spec.required()), spec.var(),
				spec.stage(), Boolean.TRUE.equals(spec.total()), Boolean.TRUE.equals(spec.personal()),
				spec.maxLength() == null ? 200 : spec.maxLength(), spec.max());
	}

	static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	static FormException fail(String file, String entry, String problem, String english) {
		return new FormException(
				"表式文件 " + file + " 中的" + entry + ":" + problem + " (form file " + file + ": " + english + ")");
	}

}
