package org.edustat.normalise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.edustat.core.CellRef;
import org.edustat.form.Field;
import org.edustat.form.Labels;
import org.edustat.form.SheetForm;
import org.edustat.normalise.internal.RawSheet;
import org.jspecify.annotations.Nullable;

/**
 * Reads a 项目 | 内容 sheet (基本情况, 办学条件): each item of the form, wherever it stands, and the
 * first value to its right; and the labels it did not recognise, with their cells.
 */
final class KeyValueSheets {

	/**
	 * One item: the text of its value (null when blank), the value's cell, and the unit
	 * its label states.
	 */
	record Entry(@Nullable String raw, CellRef cell, String unit) {
	}

	/**
	 * What a key–value sheet holds: its items by canonical name, and the labels no item
	 * answers to.
	 */
	record Read(Map<String, Entry> entries, List<Unrecognised> unrecognised) {

		@Nullable Entry get(String item) {
			return entries.get(item);
		}
	}

	/** Words of a sheet's own layout (its header row), not items. */
	private static final Set<String> LAYOUT_WORDS = Set.of("项目", "内容", "项目名称", "指标", "数值", "值", "填报内容", "备注", "说明",
			"填报说明", "单位");

	private KeyValueSheets() {
	}

	static Read read(SheetForm form, RawSheet sheet) {
		String name = sheet.name().strip();
		Map<String, Entry> entries = new LinkedHashMap<>();
		List<Unrecognised> unrecognised = new ArrayList<>();
		for (RawSheet.Row row : sheet.rows()) {
			String[] cells = row.cells();
			int firstText = -1;
			boolean found = false;
			for (int c = 0; c < cells.length && !found; c++) {
				if (cells[c] == null) {
					continue;
				}
				firstText = firstText < 0 ? c : firstText;
				Optional<Field> item = form.item(cells[c]);
				if (item.isEmpty()) {
					continue;
				}
				int v = c + 1;
				while (v < cells.length && (cells[v] == null || Labels.clean(cells[v]).isEmpty())) {
					v++;
				}
				String raw = v < cells.length ? cells[v] : null;
				CellRef cell = CellRef.of(name, row.index(), v < cells.length ? v : c + 1);
				entries.putIfAbsent(item.get().name(), new Entry(raw, cell, Labels.unit(Labels.clean(cells[c]))));
				found = true;
			}
			if (!found && firstText >= 0 && firstText + 1 < cells.length && isLabel(cells[firstText])) {
				unrecognised.add(new Unrecognised(cells[firstText].strip(), CellRef.of(name, row.index(), firstText)));
			}
		}
		return new Read(entries, unrecognised);
	}

	/**
	 * A label-like text with something to its right: not a number, not a title over the
	 * whole sheet.
	 */
	private static boolean isLabel(String text) {
		String clean = Labels.clean(text);
		return !clean.isEmpty() && !LAYOUT_WORDS.contains(Labels.name(clean)) && clean.length() <= 30
				&& !clean.matches("[-+0-9.,%]+");
	}

}
