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

	private final FigureKeys keys;

	public DatabaseHistory(JdbcClient jdbc, FigureKeys keys) {
		this.jdbc = jdbc;
		this.keys = keys;
	}

	@Override
	public Optional<BigDecimal> value(SchoolId school, Period period, String sheet, String row, String column) {
		BigDecimal[] found = { null };
		jdbc.sql("select " + StoredFigures.COLUMNS + " from submission_figures where school_id = ? and period = ?")
			.params(school.value(), period.code())
			.query(rs -> {
				StoredFigures.forEach(rs, 1, keys, (key, value) -> {
					if (found[0] == null && key.sheet().equals(sheet) && key.row().equals(row)
							&& key.column().equals(column)) {
						found[0] = value;
					}
				});
			});
		return Optional.ofNullable(found[0]);
	}

	/**
	 * The earlier figures of a set of schools — a chunk's — fetched a period at a time
	 * for all of them at once (the first rule to ask for a period fetches it), instead of
	 * one query a figure. Reads what was committed when asked.
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
			jdbc.sql("select school_id, " + StoredFigures.COLUMNS + " from submission_figures "
					+ "where period = :period and school_id in (:schools)")
				.param("period", period)
				.param("schools", List.copyOf(schools))
				.query(rs -> {
					Map<String, BigDecimal> figures = bySchool.computeIfAbsent(rs.getString(1), s -> new HashMap<>());
					StoredFigures.forEach(rs, 2, keys,
							(key, value) -> figures.put(key(key.sheet(), key.row(), key.column()), value));
				});
			return bySchool;
		}

	}

	private static String key(String sheet, String row, String column) {
		return sheet + '|' + row + '|' + column;
	}

}
