package org.edustat.season;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.edustat.core.CellRef;
import org.edustat.core.Finding;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lock of a period (锁定): while a period is locked nothing changes its data — a
 * school's upload and a file in the inbox for it are refused with the reason — until the
 * city unlocks it, with a reason of its own. Both acts are kept in the audit trail.
 */
public class PeriodLocks {

	/** A period's lock as it stands. */
	public record Lock(String period, boolean locked, String reason, String actor, Instant at) {
	}

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	public PeriodLocks(JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** Why the period is locked, if it is: the refusal a school reads. */
	public Optional<String> lockedBecause(String period) {
		return find(period).filter(Lock::locked)
			.map(lock -> "统计期" + period + "已锁定（" + lock.reason() + "），数据不再更改；如需更正，请联系市教育局统计人员解锁");
	}

	/**
	 * The error a file for a locked period is refused with (L01), naming the lock's
	 * reason, if the period is locked.
	 */
	public Optional<Finding> refusal(String period) {
		return lockedBecause(period)
			.map(message -> Finding.error("L01", CellRef.workbook(), message, "period " + period + " is locked"));
	}

	public Optional<Lock> find(String period) {
		return jdbc.sql("select period, locked, reason, actor, at from period_lock where period = ?")
			.param(period)
			.query((rs, n) -> new Lock(rs.getString(1), rs.getBoolean(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5).toInstant()))
			.optional();
	}

	/** Every period ever locked or unlocked. */
	public List<Lock> all() {
		return jdbc.sql("select period, locked, reason, actor, at from period_lock order by period desc")
			.query((rs, n) -> new Lock(rs.getString(1), rs.getBoolean(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5).toInstant()))
			.list();
	}

	@Transactional
	public void lock(String period, String reason, String actor, String address) {
		set(period, true, reason, actor);
		audit.record(Act.LOCKED, actor, address, period, null, null, reason);
	}

	@Transactional
	public void unlock(String period, String reason, String actor, String address) {
		set(period, false, reason, actor);
		audit.record(Act.UNLOCKED, actor, address, period, null, null, reason);
	}

	private void set(String period, boolean locked, String reason, String actor) {
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("请填写原因");
		}
		Timestamp now = Timestamp.from(clock.instant());
		String why = reason.strip().length() > 500 ? reason.strip().substring(0, 500) : reason.strip();
		int updated = jdbc.sql("update period_lock set locked = ?, reason = ?, actor = ?, at = ? where period = ?")
			.params(locked, why, actor, now, period)
			.update();
		if (updated == 0) {
			jdbc.sql("insert into period_lock (period, locked, reason, actor, at) values (?, ?, ?, ?, ?)")
				.params(period, locked, why, actor, now)
				.update();
		}
	}

}
