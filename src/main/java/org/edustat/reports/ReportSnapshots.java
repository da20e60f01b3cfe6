package org.edustat.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.edustat.core.Period;
import org.edustat.indicators.Comparison;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The values a report was last written with (report_value): what 变动 compares the new
 * version against.
 */
final class ReportSnapshots {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	ReportSnapshots(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/**
	 * The figures that changed since the report of the period was last written; none for
	 * a first version.
	 */
	List<ReportData.Change> changes(Period period, List<Comparison.Row> rows) {
		Map<String, BigDecimal> before = new HashMap<>();
		boolean[] any = { false };
		jdbc.sql("select area_code, indicator_code, grp, val from report_value where period = ?")
			.param(period.code())
			.query(rs -> {
				any[0] = true;
				before.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3), rs.getBigDecimal(4));
			});
		List<ReportData.Change> changes = new ArrayList<>();
		if (!any[0]) {
			return changes;
		}
		for (Comparison.Row row : rows) {
			String key = row.area() + "|" + row.indicator().code() + "|" + row.group();
			BigDecimal old = before.get(key);
			BigDecimal now = row.current();
			if (!Objects.equals(old == null ? null : old.stripTrailingZeros(),
					now == null ? null : scaled(now).stripTrailingZeros())) {
				changes.add(new ReportData.Change(row.areaName(), row.indicator().name(), row.group(), old, now));
			}
		}
		return changes;
	}

	/**
	 * The whole-area values of the given indicators in the year-end reports written
	 * before the given year (at most the nine years before it), by indicator, area and
	 * year.
	 */
	Map<String, Map<String, SortedMap<Integer, BigDecimal>>> yearEnds(int year, Set<String> indicators) {
		Map<String, Map<String, SortedMap<Integer, BigDecimal>>> values = new HashMap<>();
		jdbc.sql("select period, area_code, indicator_code, val from report_value where grp = '' and period like '%Y'")
			.query(rs -> {
				int y = Integer.parseInt(rs.getString(1).substring(0, 4));
				if (y < year && y >= year - 9 && indicators.contains(rs.getString(3)) && rs.getBigDecimal(4) != null) {
					values.computeIfAbsent(rs.getString(3), k -> new HashMap<>())
						.computeIfAbsent(rs.getString(2), k -> new TreeMap<>())
						.put(y, rs.getBigDecimal(4));
				}
			});
		return values;
	}

	/** Keeps the values a report was written with, in one batch. */
	void save(ReportData data) {
		jdbc.sql("delete from report_value where period = ?").param(data.period().code()).update();
		template.batchUpdate(
				"insert into report_value (period, area_code, indicator_code, grp, val) values (?, ?, ?, ?, ?)",
				data.rows()
					.stream()
					.map(row -> new Object[] { data.period().code(), row.area(), row.indicator().code(), row.group(),
							row.current() == null ? null : scaled(row.current()) })
					.toList());
	}

	private static BigDecimal scaled(BigDecimal value) {
		return value.setScale(6, RoundingMode.HALF_UP);
	}

}
