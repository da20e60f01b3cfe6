package org.edustat.testing;

import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;

/**
 * A report row as the tests read it: numbers as doubles, text as strings, empty cells as
 * null.
 */
public final class Cells {

	private Cells() {
	}

	public static List<Object> values(Row row) {
		List<Object> values = new ArrayList<>();
		for (int c = 0; c < row.getLastCellNum(); c++) {
			Cell cell = row.getCell(c);
			values.add(cell == null ? null : cell.getCellType() == CellType.NUMERIC
					? (Object) cell.getNumericCellValue() : cell.getStringCellValue());
		}
		return values;
	}

	public static List<String> texts(Row row) {
		return values(row).stream().map(v -> v == null ? "" : v.toString()).toList();
	}

}
