package org.edustat.form;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One sheet of the form: a key–value sheet of items (项目 | 内容) or a grid of rows ×
 * columns. Names are matched by {@link Labels#key}, through lookup tables built once.
 */
public final class SheetForm {

	/** The two shapes of a sheet. */
	public enum Layout {

		ITEMS, GRID

	}

	private final String name;

	private final List<String> aliases;

	private final Layout layout;

	private final boolean required;

	private final @Nullable String variable;

	private final @Nullable String attribute;

	private final List<Field> rows;

	private final List<Field> columns;

	private final List<Field> items;

	private final Map<String, Field> rowIndex;

	private final Map<String, Field> columnIndex;

	private final Map<String, Field> itemIndex;

	private final List<Field> figures;

	private final Map<String, String> variables;

	private final Optional<Field> totalRow;

	private final Map<String, String> stages;

	private final Set<String> nameKeys;

	/**
	 * @param name the canonical sheet name (stored, and named by rules and indicators)
	 * @param aliases other names of the sheet
	 * @param layout items or grid
	 * @param required whether a workbook without this sheet is refused
	 * @param variable the prefix cross-sheet rules use for a grid's columns (stu., hlt.),
	 * or null
	 * @param attribute the name under which indicator conditions see whether a school
	 * sent this sheet, or null
	 * @param rows a grid's rows (in order; the total row among them)
	 * @param columns a grid's columns
	 * @param items a key–value sheet's items
	 */
	public SheetForm(String name, List<String> aliases, Layout layout, boolean required, @Nullable String variable,
			@Nullable String attribute, List<Field> rows, List<Field> columns, List<Field> items) {
		this.name = name;
		this.aliases = List.copyOf(aliases);
		this.layout = layout;
		this.required = required;
		this.variable = variable;
		this.attribute = attribute;
		this.rows = List.copyOf(rows);
		this.columns = List.copyOf(columns);
		this.items = List.copyOf(items);
		this.rowIndex = index(this.rows);
		this.columnIndex = index(this.columns);
		this.itemIndex = index(this.items);
		this.figures = grid() ? this.columns : this.items.stream().filter(f -> f.type().numeric()).toList();
		Map<String, String> byVariable = new LinkedHashMap<>();
		this.figures.stream().filter(f -> f.variable() != null).forEach(f -> byVariable.put(f.variable(), f.name()));
		this.variables = Collections.unmodifiableMap(byVariable);
		this.totalRow = this.rows.stream().filter(Field::total).findFirst();
		Map<String, String> byRow = new HashMap<>();
		this.rows.stream().filter(r -> r.stage() != null).forEach(r -> byRow.put(r.name(), r.stage()));
		this.stages = Map.copyOf(byRow);
		Set<String> keys = new HashSet<>();
		keys.add(sheetKey(name));
		this.aliases.forEach(alias -> keys.add(sheetKey(alias)));
		this.nameKeys = Set.copyOf(keys);
	}

	/**
	 * The key a sheet name is matched by: {@link Labels#clean}, without a trailing 表, 情况
	 * or 统计.
	 */
	public static String sheetKey(String sheetName) {
		String key = Labels.clean(sheetName);
		boolean stripped = true;
		while (stripped) {
			stripped = false;
			for (String suffix : new String[] { "表", "情况", "统计" }) {
				if (key.endsWith(suffix) && key.length() > suffix.length()) {
					key = key.substring(0, key.length() - suffix.length());
					stripped = true;
				}
			}
		}
		return key;
	}

	public String name() {
		return name;
	}

	public List<String> aliases() {
		return aliases;
	}

	public Layout layout() {
		return layout;
	}

	public boolean required() {
		return required;
	}

	public @Nullable String variable() {
		return variable;
	}

	public @Nullable String attribute() {
		return attribute;
	}

	public List<Field> rows() {
		return rows;
	}

	public List<Field> columns() {
		return columns;
	}

	public List<Field> items() {
		return items;
	}

	public boolean grid() {
		return layout == Layout.GRID;
	}

	/** Whether a workbook's sheet of this name is this sheet. */
	public boolean answersTo(String sheetName) {
		return nameKeys.contains(sheetKey(sheetName));
	}

	public Optional<Field> column(String header) {
		return Optional.ofNullable(columnIndex.get(Labels.key(header)));
	}

	public Optional<Field> row(String label) {
		return Optional.ofNullable(rowIndex.get(Labels.key(label)));
	}

	public Optional<Field> item(String label) {
		return Optional.ofNullable(itemIndex.get(Labels.key(label)));
	}

	/**
	 * The fields that hold this sheet's figures: a grid's columns, or the numeric items.
	 */
	public List<Field> figures() {
		return figures;
	}

	/**
	 * The most figures a submission can hold in this sheet: a grid's rows × figure
	 * columns, or the figure items.
	 */
	public int figureCapacity() {
		return grid() ? rows.size() * figures.size() : figures.size();
	}

	/** The total row of a grid, if it has one. */
	public Optional<Field> totalRow() {
		return totalRow;
	}

	/**
	 * Rule variable → canonical column (grid) or item (key–value) name, in the form's
	 * order.
	 */
	public Map<String, String> variables() {
		return variables;
	}

	/** The 学段 of a grade row of this sheet, if it has one. */
	public Optional<String> stageOf(String row) {
		return Optional.ofNullable(stages.get(row));
	}

	private static Map<String, Field> index(List<Field> fields) {
		Map<String, Field> index = new HashMap<>();
		for (Field field : fields) {
			for (String label : field.names()) {
				index.putIfAbsent(Labels.key(label), field);
			}
		}
		return Map.copyOf(index);
	}

}
