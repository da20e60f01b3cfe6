package org.edustat.normalise.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A sheet's non-empty cells as text, by zero-based row and column. Numbers are in plain
 * notation, booleans TRUE or FALSE, dates {@link #DATE_MARK} followed by an ISO date.
 */
public record RawSheet(String name, List<Row> rows, boolean hidden) {

	/** Marks a cell that Excel formatted as a date; an ISO date follows. */
	public static final String DATE_MARK = "\u0001D";

	/** One row: its zero-based index and its cells by column (null where empty). */
	public record Row(int index, String[] cells) {

		public @Nullable String cell(int column) {
			return column < cells.length ? cells[column] : null;
		}
	}
}
