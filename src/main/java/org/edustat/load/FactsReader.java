package org.edustat.load;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.edustat.core.Period;
import org.edustat.core.SchoolType;
import org.edustat.form.Form;
import org.edustat.indicators.SchoolFacts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Streams the loaded schools of a period with their figures, one school at a time, for
 * aggregation.
 */
public class FactsReader {

	private final JdbcTemplate template;

	private final NamedParameterJdbcTemplate named;

	private final FigureKeys keys;

	public FactsReader(JdbcTemplate template, FigureKeys keys) {
		this.template = template;
		this.named = new NamedParameterJdbcTemplate(template);
		this.keys = keys;
	}

	/**
	 * Schools whose figures one query fetches: few enough for the database to sort them
	 * in memory (a whole period's figures sorted at once spilled to disk and took two
	 * thirds of a report's time), enough to keep the queries few.
	 */
	static final int SCHOOLS_A_QUERY = 100;

	/**
	 * Hands every school loaded for the period to the consumer, in the order of their
	 * codes; returns how many there were.
	 */
	public int forEach(Period period, Form form, Consumer<SchoolFacts> consumer) {
		int[] count = { 0 };
		forEachBatch(period, form, "school_id", batch -> {
			batch.forEach(consumer);
			count[0] += batch.size();
		});
		return count[0];
	}

	/**
	 * Hands the schools loaded for the period in the order of their 区县 and then their
	 * codes, a batch of at most {@link #SCHOOLS_A_QUERY} at a time: a caller holds one
	 * batch, whatever the number of schools.
	 */
	public void forEachBatchByDistrict(Period period, Form form, Consumer<List<SchoolFacts>> consumer) {
		forEachBatch(period, form, "district_code, school_id", consumer);
	}

	/**
	 * The period's schools listed in the given order, handed a query's batch at a time in
	 * that order.
	 */
	private void forEachBatch(Period period, Form form, String order, Consumer<List<SchoolFacts>> consumer) {
		List<String> schools = template.queryForList(
				"select school_id from submission where period = ? order by " + order, String.class, period.code());
		for (int from = 0; from < schools.size(); from += SCHOOLS_A_QUERY) {
			List<String> ids = schools.subList(from, Math.min(schools.size(), from + SCHOOLS_A_QUERY));
			Map<String, SchoolFacts> byId = new HashMap<>();
			forEach(period, ids, form, school -> byId.put(school.schoolId(), school));
			List<SchoolFacts> batch = new ArrayList<>(ids.size());
			for (String id : ids) {
				SchoolFacts school = byId.get(id);
				if (school != null) {
					batch.add(school);
				}
			}
			consumer.accept(batch);
		}
	}

	/**
	 * Hands the given schools loaded for the period (at most {@link #SCHOOLS_A_QUERY} of
	 * them), in no particular order.
	 */
	public void forEach(Period period, List<String> schools, Form form, Consumer<SchoolFacts> consumer) {
		if (schools.isEmpty()) {
			return;
		}
		named.query(
				"""
						select s.school_id, s.school_name, s.district_code, s.school_type, s.sponsor, s.urban_rural, f.key_ids, f.vals
						from submission s join submission_figures f on f.school_id = s.school_id and f.period = s.period
						where s.period = :period and s.school_id in (:schools) order by s.school_id""",
				new MapSqlParameterSource("period", period.code()).addValue("schools", schools), rs -> {
					Map<String, BigDecimal> values = new HashMap<>();
					StoredFigures.forEach(rs, 7, keys, (key, value) -> values.put(key.label(), value));
					consumer.accept(SchoolFacts.of(rs.getString(1), rs.getString(2), rs.getString(3),
							SchoolType.ofLabel(rs.getString(4)).orElseThrow(), rs.getString(5), rs.getString(6),
							Map.copyOf(values), form));
				});
	}

}
