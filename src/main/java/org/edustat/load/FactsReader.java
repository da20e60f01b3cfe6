package org.edustat.load;

import java.math.BigDecimal;
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

/** Streams the loaded schools of a period with their figures, one school at a time, for aggregation. */
public class FactsReader {

	private final JdbcTemplate template;

	private final NamedParameterJdbcTemplate named;

	public FactsReader(JdbcTemplate template) {
		this.template = template;
		this.named = new NamedParameterJdbcTemplate(template);
	}

	/**
	 * Schools whose figures one query fetches: few enough for the database to sort them in memory (a whole period's
	 * figures sorted at once spilled to disk and took two thirds of a report's time), enough to keep the queries few.
	 */
	static final int SCHOOLS_A_QUERY = 100;

	/** Hands every school loaded for the period to the consumer, in the order of their codes; returns how many there were. */
	public int forEach(Period period, Form form, Consumer<SchoolFacts> consumer) {
		List<String> schools = template.queryForList("select school_id from submission where period = ? order by school_id",
				String.class, period.code());
		int count = 0;
		for (int from = 0; from < schools.size(); from += SCHOOLS_A_QUERY) {
			count += forEach(period, schools.subList(from, Math.min(schools.size(), from + SCHOOLS_A_QUERY)), form, consumer);
		}
		return count;
	}

	private int forEach(Period period, List<String> schools, Form form, Consumer<SchoolFacts> consumer) {
		int[] count = { 0 };
		String[] current = { null };
		Map<String, BigDecimal> values = new HashMap<>();
		Object[][] school = { null };
		named.query("""
				select s.school_id, s.school_name, s.district_code, s.school_type, s.sponsor, s.urban_rural,
				       v.sheet, v.row_key, v.column_key, v.val
				from submission s join submission_value v on v.school_id = s.school_id and v.period = s.period
				where s.period = :period and s.school_id in (:schools) order by s.school_id""",
				new MapSqlParameterSource("period", period.code()).addValue("schools", schools), rs -> {
			String id = rs.getString(1);
			if (!id.equals(current[0])) {
				if (current[0] != null) {
					consumer.accept(facts(school[0], values, form));
					count[0]++;
				}
				current[0] = id;
				values.clear();
				school[0] = new Object[] { id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6) };
			}
			values.put(rs.getString(7) + "." + rs.getString(8) + "." + rs.getString(9), rs.getBigDecimal(10));
		});
		if (current[0] != null) {
			consumer.accept(facts(school[0], values, form));
			count[0]++;
		}
		return count[0];
	}

	private static SchoolFacts facts(Object[] s, Map<String, BigDecimal> values, Form form) {
		return SchoolFacts.of((String) s[0], (String) s[1], (String) s[2], SchoolType.ofLabel((String) s[3]).orElseThrow(),
				(String) s[4], (String) s[5], Map.copyOf(values), form);
	}
}
