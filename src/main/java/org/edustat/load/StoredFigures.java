package org.edustat.load;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads the parallel arrays of a {@code submission_figures} row (sheets, row keys, column keys, values), as written by {@link SubmissionStore}. */
final class StoredFigures {

	/** The columns to select, in the order {@link #forEach} reads them. */
	static final String COLUMNS = "sheets, row_keys, column_keys, vals";

	/** One figure of a stored submission. */
	@FunctionalInterface
	interface FigureConsumer {

		void accept(String sheet, String row, String column, BigDecimal value);
	}

	private StoredFigures() {
	}

	/** Hands every figure of the current row to the consumer; {@code first} is the position of the {@link #COLUMNS}' first. */
	static void forEach(ResultSet rs, int first, FigureConsumer consumer) throws SQLException {
		Object[] sheets = elements(rs.getArray(first));
		Object[] rows = elements(rs.getArray(first + 1));
		Object[] columns = elements(rs.getArray(first + 2));
		Object[] values = elements(rs.getArray(first + 3));
		for (int i = 0; i < values.length; i++) {
			consumer.accept((String) sheets[i], (String) rows[i], (String) columns[i], (BigDecimal) values[i]);
		}
	}

	private static Object[] elements(Array array) throws SQLException {
		try {
			return (Object[]) array.getArray();
		}
		finally {
			array.free();
		}
	}
}
