package org.edustat.normalise.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Collects the cells of one sheet into a {@link RawSheet}, enforcing its limits as it
 * goes.
 */
final class GridBuilder {

	private final String name;

	private final ReadLimits limits;

	private final List<RawSheet.Row> rows = new ArrayList<>();

	private String @Nullable [] current;

	private int currentIndex = -1;

	private int width;

	GridBuilder(String name, ReadLimits limits) {
		this.name = name;
		this.limits = limits;
	}

	/** The longest text Excel itself lets a cell hold. */
	static final int MAX_CELL_TEXT = 32_767;

	void startRow(int index) {
		currentIndex = index;
		current = new String[8];
		width = 0;
	}

	void cell(int column, @Nullable String text) {
		if (text == null || text.isEmpty()) {
			return;
		}
		if (column >= limits.maxColumns()) {
			throw new SheetTooLargeException(name, limits.maxColumns());
		}
		if (currentIndex >= limits.maxRows() || rows.size() >= limits.maxRows()) {
			throw new SheetTooLargeException(name, limits.maxRows());
		}
		if (text.length() > MAX_CELL_TEXT) {
			throw new CellTooLongException(name, currentIndex, column);
		}
		String[] row = Objects.requireNonNull(current, "a cell outside a row");
		if (column >= row.length) {
			row = Arrays.copyOf(row, Math.max(column + 1, row.length * 2));
			current = row;
		}
		row[column] = text;
		width = Math.max(width, column + 1);
	}

	void endRow() {
		if (width > 0) {
			rows.add(new RawSheet.Row(currentIndex, Arrays.copyOf(current, width)));
		}
		current = null;
	}

	/**
	 * @param hidden whether the sheet is hidden or very hidden in the workbook
	 */
	RawSheet build(boolean hidden) {
		return new RawSheet(name, List.copyOf(rows), hidden);
	}

}
