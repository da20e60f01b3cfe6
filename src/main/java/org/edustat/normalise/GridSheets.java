package org.edustat.normalise;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.edustat.core.CellRef;
import org.edustat.core.Figure;
import org.edustat.core.Grade;
import org.edustat.core.SheetData;
import org.edustat.core.SheetKind;
import org.edustat.normalise.internal.RawSheet;

/**
 * Normalises a rows × columns sheet (学生, 教职工, 学生健康): finds the header by its names wherever it is, folds a
 * two-row header with merged cells (其中 over 女 | 随迁子女 | 残疾学生) into single names, and reads each row by label.
 */
final class GridSheets {

	private static final int HEADER_SEARCH_ROWS = 30;

	private GridSheets() {
	}

	static SheetData read(SheetKind kind, RawSheet sheet, Problems problems) {
		String name = sheet.name().strip();
		List<RawSheet.Row> rows = sheet.rows();
		int header = findHeader(kind, rows);
		if (header < 0) {
			problems.add("N02", CellRef.sheet(name),
					"工作表「" + name + "」找不到表头(应含" + String.join("、", Aliases.columns(kind)) + "等列)",
					"header row not found");
			return null;
		}
		RawSheet.Row top = rows.get(header);
		RawSheet.Row sub = header + 1 < rows.size() && rows.get(header + 1).index() == top.index() + 1
				&& isSubHeader(kind, top, rows.get(header + 1)) ? rows.get(header + 1) : null;
		Map<Integer, String> columns = mapColumns(kind, top, sub);
		int first = firstCell(top);
		for (String column : Aliases.columns(kind)) {
			if (!columns.containsValue(column)) {
				problems.add("N02", CellRef.of(name, top.index(), first), "工作表「" + name + "」缺少列「" + column + "」",
						"missing column " + column);
			}
		}
		Map<String, Map<String, Figure>> data = new LinkedHashMap<>();
		for (int r = header + (sub == null ? 1 : 2); r < rows.size(); r++) {
			readRow(kind, name, rows.get(r), columns, data, problems);
		}
		List<String> required = kind == SheetKind.STAFF ? List.of("专任教师", Grade.TOTAL) : List.of(Grade.TOTAL);
		for (String row : required) {
			if (!data.containsKey(row)) {
				problems.add("N03", CellRef.sheet(name), "工作表「" + name + "」缺少「" + row + "」行",
						"missing row " + row);
			}
		}
		return new SheetData(kind, name, data);
	}

	private static void readRow(SheetKind kind, String name, RawSheet.Row row, Map<Integer, String> columns,
			Map<String, Map<String, Figure>> data, Problems problems) {
		String label = null;
		int labelColumn = -1;
		for (int c = 0; c < row.cells().length && label == null; c++) {
			String text = row.cells()[c];
			if (text != null && !columns.containsKey(c)) {
				Optional<String> key = Aliases.row(kind, text);
				if (key.isPresent()) {
					label = key.get();
					labelColumn = c;
				}
				else if (labelColumn < 0) {
					labelColumn = c;
				}
			}
		}
		if (label == null) {
			if (labelColumn >= 0 && hasData(row, columns)) {
				problems.add("N05", CellRef.of(name, row.index(), labelColumn),
						"无法识别的行「" + row.cell(labelColumn).strip() + "」", "unknown row label");
			}
			return;
		}
		if (data.containsKey(label)) {
			problems.add("N06", CellRef.of(name, row.index(), labelColumn), "「" + label + "」行重复出现",
					"duplicate row " + label);
			return;
		}
		Map<String, Figure> figures = new LinkedHashMap<>();
		String rowLabel = label;
		columns.forEach((c, column) -> {
			CellRef cell = CellRef.of(name, row.index(), c);
			try {
				BigDecimal value = Numbers.parse(row.cell(c), Numbers.Money.NONE);
				figures.put(column, new Figure(value, cell));
			}
			catch (IllegalArgumentException ex) {
				problems.add("N04", cell, "「" + rowLabel + "」行「" + column + "」列:" + ex.getMessage(), "not a number");
			}
		});
		data.put(label, figures);
	}

	private static boolean hasData(RawSheet.Row row, Map<Integer, String> columns) {
		return columns.keySet().stream().anyMatch(c -> row.cell(c) != null);
	}

	private static int findHeader(SheetKind kind, List<RawSheet.Row> rows) {
		for (int r = 0; r < Math.min(rows.size(), HEADER_SEARCH_ROWS); r++) {
			int matches = 0;
			for (String text : rows.get(r).cells()) {
				if (text != null && Aliases.column(kind, text).isPresent()) {
					matches++;
				}
			}
			if (matches >= 2) {
				return r;
			}
		}
		return -1;
	}

	private static boolean isSubHeader(SheetKind kind, RawSheet.Row top, RawSheet.Row next) {
		Set<String> inTop = new HashSet<>();
		for (String text : top.cells()) {
			if (text != null) {
				Aliases.column(kind, text).ifPresent(inTop::add);
			}
		}
		boolean adds = false;
		for (String text : next.cells()) {
			if (text == null) {
				continue;
			}
			if (Aliases.row(kind, text).isPresent()) {
				return false;
			}
			Optional<String> column = Aliases.column(kind, text);
			adds |= column.isPresent() && !inTop.contains(column.get());
		}
		return adds;
	}

	private static Map<Integer, String> mapColumns(SheetKind kind, RawSheet.Row top, RawSheet.Row sub) {
		Map<Integer, String> columns = new HashMap<>();
		int width = Math.max(top.cells().length, sub == null ? 0 : sub.cells().length);
		for (int c = 0; c < width; c++) {
			String upper = top.cell(c);
			String lower = sub == null ? null : sub.cell(c);
			Optional<String> column = Optional.empty();
			if (lower != null) {
				String parent = Text.clean(parentOf(c, top));
				column = Aliases.column(kind, lower).or(() -> Aliases.column(kind, parent + lower));
			}
			else if (upper != null) {
				column = Aliases.column(kind, upper);
			}
			if (column.isPresent() && !columns.containsValue(column.get())) {
				columns.put(c, column.get());
			}
		}
		return columns;
	}

	private static String parentOf(int column, RawSheet.Row top) {
		for (int c = column; c >= 0; c--) {
			if (top.cell(c) != null) {
				return top.cell(c);
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
