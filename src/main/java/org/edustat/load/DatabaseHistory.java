package org.edustat.load;

import java.math.BigDecimal;
import java.util.Optional;

import org.edustat.core.Period;
import org.edustat.core.SchoolId;
import org.edustat.validate.History;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A school's earlier figures, from the loaded submissions. */
public class DatabaseHistory implements History {

	private final JdbcClient jdbc;

	public DatabaseHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<BigDecimal> value(SchoolId school, Period period, String sheet, String row, String column) {
		return jdbc.sql("select val from submission_value where school_id = ? and period = ? and sheet = ? and row_key = ? and column_key = ?")
			.params(school.value(), period.code(), sheet, row, column)
			.query(BigDecimal.class)
			.optional();
	}
}
