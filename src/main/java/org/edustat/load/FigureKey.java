package org.edustat.load;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Where a figure sits in the form (sheet, row and column labels) and in the school's
 * workbook (the cell as the school sees it): a row of {@code figure_key}, shared by every
 * submission of the same layout.
 */
public final class FigureKey {

	private final String sheet;

	private final String row;

	private final String column;

	private final String cell;

	/**
	 * "sheet.row.column", as the indicators name a figure: made the first time it is
	 * asked for and kept, since every read of a dictionary key's figure asks for it,
	 * while the keys the writer makes to look ids up never do.
	 */
	private @Nullable String label;

	public FigureKey(String sheet, String row, String column, String cell) {
		this.sheet = Objects.requireNonNull(sheet);
		this.row = Objects.requireNonNull(row);
		this.column = Objects.requireNonNull(column);
		this.cell = Objects.requireNonNull(cell);
	}

	public String sheet() {
		return sheet;
	}

	public String row() {
		return row;
	}

	public String column() {
		return column;
	}

	public String cell() {
		return cell;
	}

	/** "sheet.row.column". */
	public String label() {
		String made = label;
		if (made == null) {
			// racing threads make equal texts: either may be kept
			made = sheet + "." + row + "." + column;
			label = made;
		}
		return made;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof FigureKey key && sheet.equals(key.sheet) && row.equals(key.row)
				&& column.equals(key.column) && cell.equals(key.cell);
	}

	@Override
	public int hashCode() {
		return ((sheet.hashCode() * 31 + row.hashCode()) * 31 + column.hashCode()) * 31 + cell.hashCode();
	}

	@Override
	public String toString() {
		return label() + "@" + cell;
	}

}
