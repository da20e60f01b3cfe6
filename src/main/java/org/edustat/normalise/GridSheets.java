package org.edustat.normalise;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.edustat.core.CellRef;
import org.edustat.core.Figure;
import org.edustat.core.SheetData;
import org.edustat.form.Field;
import org.edustat.form.Labels;
import org.edustat.form.SheetForm;
import org.edustat.normalise.internal.RawSheet;
import org.jspecify.annotations.Nullable;

/**
 * Normalises a rows × columns sheet of the form (学生, 教职工, 学生健康 …): finds the header by
 * its names wherever it is, folds a two-row header with merged cells (其中 over 女 | 随迁子女 |
 * 残疾学生) into single names, and reads each row by label. A required column or row that is
 * missing is explained by the headers and labels that were not recognised.
 */
final class GridSheets {

	private static final int HEADER_SEARCH_ROWS = 30;

	private GridSheets() {
	}

	static @Nullable SheetData read(SheetForm form, RawSheet sheet, Problems problems, List<String> notes) {
		String name = sheet.name().strip();
		List<RawSheet.Row> rows = sheet.rows();
		int header = findHeader(form, rows);
		if (header < 0) {
			problems.add("N02", CellRef.sheet(name),
					"工作表「" + name + "」找不到表头(应含"
							+ String.join("、",
									form.columns().stream().filter(Field::required).map(Field::name).toList())
							+ "等列)",
					"header row not found");
			return null;
		}
		RawSheet.Row top = rows.get(header);
		RawSheet.Row sub = header + 1 < rows.size() && rows.get(header + 1).index() == top.index() + 1
				&& isSubHeader(form, top, rows.get(header + 1)) ? rows.get(header + 1) : null;
		Map<Integer, Field> columns = new HashMap<>();
		Map<Integer, String> units = new HashMap<>();
		List<Unrecognised> unknownHeaders = new ArrayList<>();
		mapColumns(form, name, top, sub, columns, units, unknownHeaders);
		Map<String, Map<String, Figure>> data = new LinkedHashMap<>();
		Set<Integer> labelColumns = new HashSet<>();
		List<Unrecognised> unknownRows = new ArrayList<>();
		for (int r = header + (sub == null ? 1 : 2); r < rows.size(); r++) {
			readRow(form, name, rows.get(r), columns, units, data, labelColumns, unknownRows, problems);
		}
		unknownHeaders.removeIf(u -> labelColumns.contains(u.cell().column()));
		List<Field> missing = form.columns().stream().filter(c -> !columns.containsValue(c)).toList();
		Explainer.missing(problems, notes, "N02", name, form.name(), "列", missing, unknownHeaders,
				CellRef.of(name, top.index(), firstCell(top)));
		List<Field> missingRows = form.rows()
			.stream()
			.filter(r -> r.required() && !data.containsKey(r.name()))
			.toList();
		for (Field row : missingRows) {
			problems.add("N03", CellRef.sheet(name), "工作表「" + name + "」缺少「" + row.name() + "」行",
					"missing row " + row.name());
		}
		for (Unrecognised row : unknownRows) {
			Optional<Field> closest = row.closest(form.rows());
			problems.add("N05", row.cell(),
					"无法识别的行「" + row.text() + "」" + closest.map(f -> ",是否为「" + f.name() + "」?").orElse(""),
					"unknown row label " + row.text()
							+ closest.map(f -> Explainer.hint(form.name(), "行", f, row.text())).orElse(""));
		}
		return new SheetData(form.name(), name, data);
	}

	private static void readRow(SheetForm form, String name, RawSheet.Row row, Map<Integer, Field> columns,
			Map<Integer, String> units, Map<String, Map<String, Figure>> data, Set<Integer> labelColumns,
			List<Unrecognised> unknownRows, Problems problems) {
		Field label = null;
		int labelColumn = -1;
		for (int c = 0; c < row.cells().length && label == null; c++) {
			String text = row.cells()[c];
			if (text != null && !columns.containsKey(c)) {
				Optional<Field> key = form.row(text);
				if (key.isPresent()) {
					label = key.get();
					labelColumn = c;
				}
				else if (labelColumn < 0) {
					labelColumn = c;
				}
			}
		}
		if (labelColumn >= 0) {
			labelColumns.add(labelColumn);
		}
		if (label == null) {
			if (labelColumn >= 0 && hasData(row, columns)) {
				unknownRows.add(new Unrecognised(Objects.requireNonNull(row.cell(labelColumn)).strip(),
						CellRef.of(name, row.index(), labelColumn)));
			}
			return;
		}
		if (data.containsKey(label.name())) {
			problems.add("N06", CellRef.of(name, row.index(), labelColumn), "「" + label.name() + "」行重复出现",
					"duplicate row " + label.name());
			return;
		}
		Map<String, Figure> figures = new LinkedHashMap<>();
		String rowLabel = label.name();
		columns.forEach((c, column) -> {
			CellRef cell = CellRef.of(name, row.index(), c);
			try {
				figures.put(column.name(),
						new Figure(Numbers.value(row.cell(c), column, units.getOrDefault(c, "")), cell));
			}
			catch (IllegalArgumentException ex) {
				problems.add("N04", cell, "「" + rowLabel + "」行「" + column.name() + "」列:" + ex.getMessage(),
						"not a number");
			}
		});
		data.put(label.name(), figures);
	}

	private static boolean hasData(RawSheet.Row row, Map<Integer, Field> columns) {
		return columns.keySet().stream().anyMatch(c -> row.cell(c) != null);
	}

	private static int findHeader(SheetForm form, List<RawSheet.Row> rows) {
		int needed = Math.min(2, form.columns().size());
		for (int r = 0; r < Math.min(rows.size(), HEADER_SEARCH_ROWS); r++) {
			int matches = 0;
			for (String text : rows.get(r).cells()) {
				if (text != null && form.column(text).isPresent()) {
					matches++;
				}
			}
			if (matches >= needed) {
				return r;
			}
		}
		return -1;
	}

	private static boolean isSubHeader(SheetForm form, RawSheet.Row top, RawSheet.Row next) {
		Set<String> inTop = new HashSet<>();
		for (String text : top.cells()) {
			if (text != null) {
				form.column(text).ifPresent(f -> inTop.add(f.name()));
			}
		}
		boolean adds = false;
		for (String text : next.cells()) {
			if (text == null) {
				continue;
			}
			if (form.row(text).isPresent()) {
				return false;
			}
			Optional<Field> column = form.column(text);
			adds |= column.isPresent() && !inTop.contains(column.get().name());
		}
		return adds;
	}

	private static void mapColumns(SheetForm form, String name, RawSheet.Row top, RawSheet.@Nullable Row sub,
			Map<Integer, Field> columns, Map<Integer, String> units, List<Unrecognised> unknown) {
		int width = Math.max(top.cells().length, sub == null ? 0 : sub.cells().length);
		for (int c = 0; c < width; c++) {
			String upper = top.cell(c);
			String lower = sub == null ? null : sub.cell(c);
			Optional<Field> column = Optional.empty();
			if (lower != null) {
				String parent = Labels.clean(parentOf(c, top));
				column = form.column(lower).or(() -> form.column(parent + lower));
			}
			else if (upper != null) {
				column = form.column(upper);
			}
			if (column.isPresent() && !columns.containsValue(column.get())) {
				columns.put(c, column.get());
				units.put(c, Labels.unit(Labels.clean(lower != null ? lower : upper)));
			}
			else if (column.isEmpty() && (lower != null || upper != null)) {
				String text = Objects.requireNonNull(lower != null ? lower : upper);
				int header = sub != null && lower != null ? sub.index() : top.index();
				unknown.add(new Unrecognised(text.strip(), CellRef.of(name, header, c)));
			}
		}
	}

	private static String parentOf(int column, RawSheet.Row top) {
		for (int c = column; c >= 0; c--) {
			String text = top.cell(c);
			if (text != null) {
				return text;
			}
		}
		return "";
	}

	private static int firstCell(RawSheet.Row row) {
		for (int c = 0; c < row.cells().length; c++) {
			if (row.cells()[c] != null) {
				return c;
			}
		}
		return 0;
	}

}
