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
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.edustat.core.Stage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The bureau's form (jobs/form.yaml), checked: every sheet of the school workbook with its items or rows and columns,
 * the named figures of the rules, and the reference workbooks. A file that cannot be used is refused naming the file,
 * the entry and what is wrong, before any workbook is read.
 */
public final class Form {

	/** The sheet that says whose workbook it is and for which period; its items are read by name. */
	public static final String BASIC = "基本情况";

	/** The column key of a key–value sheet's figures. */
	public static final String VALUE = "值";

	/** The items of {@link #BASIC} the pipeline reads by name: identity and period. */
	public static final List<String> IDENTITY = List.of("学校标识码", "学校名称", "行政区划代码", "办学类型", "举办者", "城乡分类",
			"统计期");

	/** The reference sheets. */
	public static final String DISTRICTS = "区县";

	public static final String REGISTRY = "学校名录";

	public static final String TARGETS = "年度目标";

	/** The reference sheets and the columns the pipeline reads from each. */
	public static final Map<String, List<String>> REFERENCE_COLUMNS = Map.of(
			DISTRICTS, List.of("行政区划代码", "名称", "上级代码"),
			REGISTRY, List.of("学校标识码", "学校名称", "行政区划代码", "办学类型", "举办者", "城乡分类", "状态"),
			TARGETS, List.of("年度", "行政区划代码", "指标代码", "目标值"));

	private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final List<SheetForm> sheets;

	private final Map<String, FormFigure> figures;

	private final List<SheetForm> references;

	private Form(List<SheetForm> sheets, Map<String, FormFigure> figures, List<SheetForm> references) {
		this.sheets = List.copyOf(sheets);
		this.figures = Map.copyOf(figures);
		this.references = List.copyOf(references);
	}

	public List<SheetForm> sheets() {
		return sheets;
	}

	/** The sheet of this canonical name. */
	public SheetForm sheet(String canonical) {
		return sheets.stream().filter(s -> s.name().equals(canonical)).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no sheet " + canonical + " in the form"));
	}

	/** The sheet of the form a workbook's sheet of this name is, if any. */
	public Optional<SheetForm> sheetFor(String sheetName) {
		return sheets.stream().filter(s -> s.answersTo(sheetName)).findFirst();
	}

	public SheetForm basic() {
		return sheet(BASIC);
	}

	/** The named figures of rules (school scope and history metrics), in the file's order. */
	public Map<String, FormFigure> figures() {
		return figures;
	}

	public List<SheetForm> references() {
		return references;
	}

	/** The reference sheet a workbook's sheet of this name is, if any. */
	public Optional<SheetForm> referenceFor(String sheetName) {
		return references.stream().filter(s -> s.answersTo(sheetName)).findFirst();
	}

	/** The 学段 of a grid row, if it has one. */
	public Optional<String> stageOf(String sheet, String row) {
		return sheets.stream().filter(s -> s.name().equals(sheet)).findFirst().flatMap(s -> s.stageOf(row));
	}

	/**
	 * The cell a path names: 工作表.行.列 for a grid, 工作表.项目 or 工作表.项目.值 for a key–value sheet.
	 * @throws IllegalArgumentException with a Chinese reason when the form has no such cell
	 */
	public FormFigure cell(String name, String label, String path) {
		String[] parts = path.split("\\.");
		SheetForm sheet = sheets.stream().filter(s -> s.name().equals(parts[0])).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("表式中没有工作表「" + parts[0] + "」"));
		if (sheet.grid()) {
			if (parts.length != 3) {
				throw new IllegalArgumentException("「" + path + "」应写作 工作表.行.列");
			}
			if (sheet.rows().stream().noneMatch(r -> r.name().equals(parts[1]))) {
				throw new IllegalArgumentException("工作表「" + parts[0] + "」没有行「" + parts[1] + "」");
			}
			if (sheet.columns().stream().noneMatch(c -> c.name().equals(parts[2]))) {
				throw new IllegalArgumentException("工作表「" + parts[0] + "」没有列「" + parts[2] + "」");
			}
			return new FormFigure(name, label, parts[0], parts[1], parts[2]);
		}
		if (parts.length < 2 || parts.length > 3 || (parts.length == 3 && !VALUE.equals(parts[2]))) {
			throw new IllegalArgumentException("「" + path + "」应写作 工作表.项目 或 工作表.项目.值");
		}
		if (sheet.figures().stream().noneMatch(i -> i.name().equals(parts[1]))) {
			throw new IllegalArgumentException("工作表「" + parts[0] + "」没有数字项目「" + parts[1] + "」");
		}
		return new FormFigure(name, label, parts[0], parts[1], VALUE);
	}

	/** Reads and checks a form file. */
	public static Form load(Path file) {
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
		SheetForm basic = sheets.get(BASIC);
		if (basic == null || basic.grid()) {
			throw fail(fileName, "工作表「" + BASIC + "」", "缺少项目表「" + BASIC + "」(用于识别学校和统计期)", "sheet 基本情况 missing");
		}
		for (String item : IDENTITY) {
			if (basic.items().stream().noneMatch(i -> i.name().equals(item) && i.required())) {
				throw fail(fileName, "工作表「" + BASIC + "」", "缺少必填项目「" + item + "」", "required item " + item + " missing");
			}
		}
		List<SheetForm> references = new ArrayList<>();
		for (FormSpec.SheetSpec referenceSpec : spec.references() == null ? List.<FormSpec.SheetSpec>of() : spec.references()) {
			references.add(sheet(fileName, referenceSpec, Map.of(), true));
		}
		REFERENCE_COLUMNS.forEach((name, columns) -> {
			SheetForm reference = references.stream().filter(r -> r.name().equals(name)).findFirst()
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
				throw fail(fileName, entry, ex.getMessage(), "unknown cell " + figure.cell());
			}
		});
		return new Form(List.copyOf(sheets.values()), figures, references);
	}

	private static SheetForm sheet(String file, FormSpec.SheetSpec spec, Map<String, SheetForm> earlier, boolean reference) {
		if (spec == null || blank(spec.name())) {
			throw fail(file, "sheets", "有工作表缺少 name", "sheet without a name");
		}
		String entry = (reference ? "参考数据「" : "工作表「") + spec.name() + "」";
		List<String> aliases = spec.aliases() == null ? List.of() : spec.aliases();
		if (reference) {
			List<Field> columns = fields(file, entry, "列", spec.columns(), false);
			return new SheetForm(spec.name(), aliases, SheetForm.Layout.GRID, false, null, null, List.of(), columns, List.of());
		}
		SheetForm.Layout layout = switch (String.valueOf(spec.layout()).toLowerCase(Locale.ROOT)) {
			case "items" -> SheetForm.Layout.ITEMS;
			case "grid" -> SheetForm.Layout.GRID;
			default -> throw fail(file, entry, "layout 应为 items(项目表)或 grid(行×列),而非「" + spec.layout() + "」",
					"bad layout");
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

	private static List<Field> fields(String file, String entry, String what, List<FormSpec.FieldSpec> specs, boolean values) {
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

	private static Field field(String file, String at, FormSpec.FieldSpec spec, boolean values) {
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
		return new Field(spec.name().strip(), spec.aliases() == null ? List.of() : List.copyOf(spec.aliases()), type,
				spec.unit() == null ? "" : spec.unit(), convert, Boolean.TRUE.equals(spec.required()), spec.var(),
				spec.stage(), Boolean.TRUE.equals(spec.total()), Boolean.TRUE.equals(spec.personal()),
				spec.maxLength() == null ? 200 : spec.maxLength(), spec.max());
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	static FormException fail(String file, String entry, String problem, String english) {
		return new FormException("表式文件 " + file + " 中的" + entry + ":" + problem + " (form file " + file + ": " + english
				+ ")");
	}
}
