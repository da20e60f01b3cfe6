package org.edustat.reports;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.edustat.core.Period;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The figures each period's report was last written with (本期, to six decimals), by area,
 * indicator and group: what the JSON API serves, so that it says what the report's cells
 * say.
 */
public class ReportValues {

	/**
	 * One figure: the area (区县 or city code), the indicator's code, the group (empty for
	 * the whole area), the value.
	 */
	public record Value(String area, String indicator, String group, BigDecimal value) {
	}

	private final JdbcClient jdbc;

	public ReportValues(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Every indicator's whole-area value in the reports of every period of one kind
	 * (half-years or year-ends): by indicator code, then period in order.
	 */
	public Map<String, Map<String, BigDecimal>> series(String area, boolean halfYear) {
		Map<String, Map<String, BigDecimal>> series = new HashMap<>();
		jdbc.sql(
				"select indicator_code, period, val from report_value where area_code = ? and grp = '' and period like ?")
			.params(area, halfYear ? "%H1" : "%Y")
			.query(rs -> {
				if (rs.getBigDecimal(3) != null) {
					series.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
						.put(rs.getString(2), rs.getBigDecimal(3));
				}
			});
		return series;
	}

	/**
	 * The figures of an area in a period's last report, by indicator then group; none if
	 * no report was written.
	 */
	public List<Value> of(Period period, String area) {
		return jdbc.sql("""
				select area_code, indicator_code, grp, val from report_value where period = ? and area_code = ?
				order by indicator_code, grp""")
			.params(period.code(), area)
			.query((rs, n) -> new Value(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4)))
			.list();
	}

}
