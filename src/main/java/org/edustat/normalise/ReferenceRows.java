package org.edustat.normalise;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.edustat.core.CellRef;
import org.edustat.form.Form;
import org.edustat.form.Labels;
import org.edustat.form.SheetForm;
import org.edustat.normalise.internal.RawSheet;
import org.jspecify.annotations.Nullable;

/**
 * The rows of a reference sheet: its header found among the first 20 rows by the form's
 * names for its columns (every required column; an optional one where the header has it),
 * then each row that is not blank handed over with a way to read a column's cleaned text
 * and to name its cell. A header not found is R01; a row its reader refuses is R02.
 */
final class ReferenceRows {

	private ReferenceRows() {
	}

	interface RowConsumer {

		void accept(Function<String, String> get, Function<String, CellRef> cell);

	}

	static void rows(RawSheet sheet, SheetForm reference, Problems problems, RowConsumer consumer) {
		List<String> columns = Objects.requireNonNull(Form.REFERENCE_COLUMNS.get(reference.name()), reference.name());
		String name = sheet.name().strip();
		List<RawSheet.Row> rows = sheet.rows();
		int header = -1;
		Map<String, Integer> positions = new HashMap<>();
		for (int r = 0; r < Math.min(rows.size(), 20) && header < 0; r++) {
			positions.clear();
			String[] cells = rows.get(r).cells();
			for (int c = 0; c < cells.length; c++) {
				int column = c;
				reference.column(cells[c])
					.filter(f -> columns.contains(f.name()))
					.ifPresent(f -> positions.putIfAbsent(f.name(), column));
			}
			if (positions.size() == columns.size()) {
				header = r;
			}
		}
		if (header < 0) {
			problems.add("R01", CellRef.sheet(name), "工作表「" + name + "」缺少表头,应含" + String.join("、", columns),
					"reference header not found");
			return;
		}
		List<String> optional = Form.REFERENCE_OPTIONAL_COLUMNS.getOrDefault(reference.name(), List.of());
		String[] headings = rows.get(header).cells();
		for (int c = 0; c < headings.length; c++) {
			int column = c;
			reference.column(headings[c])
				.filter(f -> optional.contains(f.name()))
				.ifPresent(f -> positions.putIfAbsent(f.name(), column));
		}
		for (int r = header + 1; r < rows.size(); r++) {
			RawSheet.Row row = rows.get(r);
			if (positions.values().stream().allMatch(c -> blank(row.cell(c)))) {
				continue;
			}
			CellRef cell = CellRef.of(name, row.index(), 0);
			try {
				consumer.accept(column -> {
					String raw = positions.containsKey(column) ? row.cell(positions.get(column)) : null;
					return raw == null ? "" : Labels.clean(raw);
				}, column -> CellRef.of(name, row.index(), positions.getOrDefault(column, 0)));
			}
			catch (IllegalArgumentException ex) {
				problems.add("R02", cell, "第" + cell.row() + "行无效:" + ex.getMessage(), "invalid reference row");
			}
		}
	}

	private static boolean blank(@Nullable String text) {
		return text == null || Labels.clean(text).isEmpty();
	}

}
