package org.edustat.season;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.edustat.core.LogText;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit trail: who did what, when and from which address. Written once per act, never
 * changed; read newest first, filtered by period, 区县, school and act.
 */
public class AuditTrail {

	/** One act. */
	public record Event(long id, Instant at, String actor, String address, Act act, String period, String district,
			String school, String detail) {
	}

	/** What to show: each part {@code null} for any. */
	public record Filter(@Nullable String period, @Nullable String district, @Nullable String school,
			@Nullable Act act) {

		public static final Filter ALL = new Filter(null, null, null, null);

	}

	private final JdbcClient jdbc;

	private final Clock clock;

	public AuditTrail(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Keeps an act; texts are cut to their columns and stripped of line breaks. */
	public void record(Act act, String actor, @Nullable String address, @Nullable String period,
			@Nullable String district, @Nullable String school, @Nullable String detail) {
		jdbc.sql("""
				insert into audit_event (at, actor, address, act, period, district_code, school_id, detail)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(Arrays.asList(Timestamp.from(clock.instant()), cut(actor, 50), cut(address, 64), act.name(),
					cut(period, 6), cut(district, 6), cut(school, 10), cut(detail, 1000)))
			.update();
	}

	/** The newest acts first, at most {@code limit}. */
	public List<Event> search(Filter filter, int limit) {
		StringBuilder sql = new StringBuilder(
				"select id, at, actor, address, act, period, district_code, school_id, detail "
						+ "from audit_event where 1 = 1");
		List<Object> params = new ArrayList<>();
		if (filter.period() != null) {
			sql.append(" and period = ?");
			params.add(filter.period());
		}
		if (filter.district() != null) {
			sql.append(" and district_code = ?");
			params.add(filter.district());
		}
		if (filter.school() != null) {
			sql.append(" and school_id = ?");
			params.add(filter.school());
		}
		if (filter.act() != null) {
			sql.append(" and act = ?");
			params.add(filter.act().name());
		}
		sql.append(" order by id desc fetch first ").append(Math.max(1, limit)).append(" rows only");
		return jdbc.sql(sql.toString())
			.params(params)
			.query((rs, n) -> new Event(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
					Act.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)))
			.list();
	}

	private static @Nullable String cut(@Nullable String text, int length) {
		if (text == null) {
			return null;
		}
		String one = LogText.of(text);
		return one.length() <= length ? one : one.substring(0, length);
	}

}
