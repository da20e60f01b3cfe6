package org.edustat.season;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.edustat.core.Period;
import org.edustat.reports.Season;
import org.edustat.reports.Standing;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where a period stands in the season for its reports: the lock, the schools passed, the
 * deadline and who was on time.
 */
public class ReportStanding implements Season {

	private final Reviews reviews;

	private final PeriodLocks locks;

	private final Deadlines deadlines;

	private final JdbcClient jdbc;

	public ReportStanding(Reviews reviews, PeriodLocks locks, Deadlines deadlines, JdbcClient jdbc) {
		this.reviews = reviews;
		this.locks = locks;
		this.deadlines = deadlines;
		this.jdbc = jdbc;
	}

	/** When the 审核 or the lock of a period last changed, if ever. */
	@Override
	public Optional<Instant> changedAt(Period period) {
		return jdbc
			.sql("""
					select max(at) from (
					  select at from period_lock where period = ?
					  union all select at from school_review where period = ?
					  union all select at from district_review where period = ?
					  union all select at from audit_event where period = ? and act in ('DEADLINE_SET', 'EXPLAINED')) changes""")
			.params(period.code(), period.code(), period.code(), period.code())
			.query(Timestamp.class)
			.list()
			.stream()
			.filter(Objects::nonNull)
			.map(Timestamp::toInstant)
			.findFirst();
	}

	@Override
	public Standing standing(Period period) {
		int[] counts = passed(period);
		boolean locked = locks.find(period.code()).map(PeriodLocks.Lock::locked).orElse(false);
		Map<String, Integer> onTime = new HashMap<>();
		if (deadlines.anySet(period.code())) {
			deadlines.timeliness(period).forEach(t -> onTime.put(t.district(), t.onTime()));
		}
		return new Standing(locked, counts[0], counts[1],
				deadlines.of(period.code(), null).map(Deadlines.Deadline::submitBy).orElse(null), onTime);
	}

	/**
	 * How many schools' loaded data had passed 审核 (区县 or 市) in the period, of how many
	 * loaded.
	 */
	private int[] passed(Period period) {
		List<SchoolLine> lines = reviews.schools(period, null);
		int passed = (int) lines.stream()
			.filter(s -> s.state() == SchoolState.PASSED || s.state() == SchoolState.CITY_PASSED)
			.count();
		int loaded = (int) lines.stream().filter(s -> s.fileId() != null).count();
		return new int[] { passed, loaded };
	}

}
