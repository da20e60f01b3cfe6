package org.edustat.load;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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

	/**
	 * The earlier figures of a set of schools — a chunk's — fetched a period at a time for all of them at once (the
	 * first rule to ask for a period fetches it), instead of one query a figure. Reads what was committed when asked.
	 */
	public History forSchools(Collection<SchoolId> schools) {
		return new Prefetched(schools.stream().map(SchoolId::value).collect(Collectors.toSet()));
	}

	private final class Prefetched implements History {

		private final Set<String> schools;

		/** Period → school → "sheet|row|column" → value. */
		private final Map<String, Map<String, Map<String, BigDecimal>>> byPeriod = new HashMap<>();

		private Prefetched(Set<String> schools) {
			this.schools = schools;
		}

		@Override
		public Optional<BigDecimal> value(SchoolId school, Period period, String sheet, String row, String column) {
			if (!schools.contains(school.value())) {
				return DatabaseHistory.this.value(school, period, sheet, row, column);
			}
			Map<String, BigDecimal> figures = byPeriod.computeIfAbsent(period.code(), this::fetch).get(school.value());
			return figures == null ? Optional.empty() : Optional.ofNullable(figures.get(key(sheet, row, column)));
		}

		private Map<String, Map<String, BigDecimal>> fetch(String period) {
			Map<String, Map<String, BigDecimal>> bySchool = new HashMap<>();
			jdbc.sql("select school_id, sheet, row_key, column_key, val from submission_value "
					+ "where period = :period and school_id in (:schools)")
				.param("period", period)
				.param("schools", List.copyOf(schools))
				.query(rs -> {
					bySchool.computeIfAbsent(rs.getString(1), s -> new HashMap<>())
						.put(key(rs.getString(2), rs.getString(3), rs.getString(4)), rs.getBigDecimal(5));
				});
			return bySchool;
		}
	}

	private static String key(String sheet, String row, String column) {
		return sheet + '|' + row + '|' + column;
	}
}
