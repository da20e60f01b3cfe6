package org.edustat.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.edustat.core.Period;
import org.edustat.indicators.Comparison;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The values a report was last written with (report_value): what 变动 compares the new version against. */
final class ReportSnapshots {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	ReportSnapshots(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** The figures that changed since the report of the period was last written; none for a first version. */
	List<ReportData.Change> changes(Period period, List<Comparison.Row> rows) {
		Map<String, BigDecimal> before = new HashMap<>();
		boolean[] any = { false };
		jdbc.sql("select area_code, indicator_code, grp, val from report_value where period = ?").param(period.code())
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
			if (!Objects.equals(old == null ? null : old.stripTrailingZeros(), now == null ? null : scaled(now).stripTrailingZeros())) {
				changes.add(new ReportData.Change(row.areaName(), row.indicator().name(), row.group(), old, now));
			}
		}
		return changes;
	}

	/** Keeps the values a report was written with, in one batch. */
	void save(ReportData data) {
		jdbc.sql("delete from report_value where period = ?").param(data.period().code()).update();
		template.batchUpdate("insert into report_value (period, area_code, indicator_code, grp, val) values (?, ?, ?, ?, ?)",
				data.rows().stream().map(row -> new Object[] { data.period().code(), row.area(), row.indicator().code(), row.group(),
						row.current() == null ? null : scaled(row.current()) }).toList());
	}

	private static BigDecimal scaled(BigDecimal value) {
		return value.setScale(6, RoundingMode.HALF_UP);
	}
}
