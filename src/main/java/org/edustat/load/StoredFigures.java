package org.edustat.load;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads the parallel arrays of a {@code submission_figures} row (key ids, values), as
 * written by {@link SubmissionStore}.
 */
final class StoredFigures {

	/** The columns to select, in the order {@link #forEach} reads them. */
	static final String COLUMNS = "key_ids, vals";

	/** One figure of a stored submission. */
	@FunctionalInterface
	interface FigureConsumer {

		void accept(FigureKey key, BigDecimal value);

	}

	private StoredFigures() {
	}

	/**
	 * Hands every figure of the current row to the consumer, its key looked up in the
	 * dictionary; {@code first} is the position of the {@link #COLUMNS}' first.
	 */
	static void forEach(ResultSet rs, int first, FigureKeys keys, FigureConsumer consumer) throws SQLException {
		Object[] ids = elements(rs.getArray(first));
		Object[] values = elements(rs.getArray(first + 1));
		for (int i = 0; i < values.length; i++) {
			consumer.accept(keys.key(((Number) ids[i]).intValue()), (BigDecimal) values[i]);
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
