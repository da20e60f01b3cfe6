package org.edustat.load;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.edustat.form.Field;

/**
 * Reads the parallel arrays of a {@code submission_figures} row (key ids, values), as
 * written by {@link SubmissionStore}. A value is kept as whole millionths of the figure
 * (a {@code bigint}): the figures' six decimals exactly, without the database's decimal
 * arithmetic on every element.
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
	 * The stored form of a figure: its value times 1,000,000, rounded half up past six
	 * decimals (the normaliser has rounded them already).
	 * @throws ArithmeticException beyond ±9,223,372 million (a cell may hold at most
	 * 1,000,000 million)
	 */
	static long millionths(BigDecimal value) {
		BigDecimal scaled = value.movePointRight(Field.DECIMALS);
		return (scaled.scale() > 0 ? scaled.setScale(0, RoundingMode.HALF_UP) : scaled).longValueExact();
	}

	/** The figure a stored value holds, with six decimals as numeric(20, 6) gave it. */
	static BigDecimal value(long millionths) {
		return BigDecimal.valueOf(millionths, Field.DECIMALS);
	}

	/**
	 * Hands every figure of the current row to the consumer, its key looked up in the
	 * dictionary; {@code first} is the position of the {@link #COLUMNS}' first.
	 */
	static void forEach(ResultSet rs, int first, FigureKeys keys, FigureConsumer consumer) throws SQLException {
		Object[] ids = elements(rs.getArray(first));
		Object[] values = elements(rs.getArray(first + 1));
		for (int i = 0; i < values.length; i++) {
			consumer.accept(keys.key(((Number) ids[i]).intValue()), value(((Number) values[i]).longValue()));
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
