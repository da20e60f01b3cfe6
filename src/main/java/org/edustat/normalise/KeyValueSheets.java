package org.edustat.normalise;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.edustat.core.CellRef;
import org.edustat.core.SheetKind;
import org.edustat.normalise.internal.RawSheet;

/** Reads a 项目 | 内容 sheet (基本情况, 办学条件): each known item, wherever it stands, and the first value to its right. */
final class KeyValueSheets {

	/** One item: the text of its value (null when blank), the value's cell, and the unit its label states. */
	record Entry(String raw, CellRef cell, String unit) {
	}

	private KeyValueSheets() {
	}

	static Map<String, Entry> read(SheetKind kind, RawSheet sheet) {
		String name = sheet.name().strip();
		Map<String, Entry> entries = new LinkedHashMap<>();
		for (RawSheet.Row row : sheet.rows()) {
			String[] cells = row.cells();
			for (int c = 0; c < cells.length; c++) {
				if (cells[c] == null) {
					continue;
				}
				Optional<String> item = Aliases.item(kind, cells[c]);
				if (item.isEmpty()) {
					continue;
				}
				int v = c + 1;
				while (v < cells.length && (cells[v] == null || Text.clean(cells[v]).isEmpty())) {
					v++;
				}
				String raw = v < cells.length ? cells[v] : null;
				CellRef cell = CellRef.of(name, row.index(), v < cells.length ? v : c + 1);
				entries.putIfAbsent(item.get(), new Entry(raw, cell, Text.unit(Text.clean(cells[c]))));
				break;
			}
		}
		return entries;
	}
}
