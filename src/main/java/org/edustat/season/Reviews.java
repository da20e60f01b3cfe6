package org.edustat.season;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.edustat.core.Period;
import org.edustat.load.SchoolStatuses;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * 审核 by level: a 区县 审核员 passes (审核通过) or returns (退回, with a reason the school reads)
 * each school's loaded submission; the 区县 passes itself up (上报) when every school it has
 * loaded is passed; the city passes or returns a 区县. A review is of one loaded file: a
 * new file from the school resets its path to 已报送. Every act is kept in the audit trail;
 * an act on another 区县's school or while the period is locked is refused.
 */
public class Reviews {

	private final JdbcClient jdbc;

	private final SchoolStatuses statuses;

	private final PeriodLocks locks;

	private final AuditTrail audit;

	private final Clock clock;

	public Reviews(JdbcClient jdbc, SchoolStatuses statuses, PeriodLocks locks, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.statuses = statuses;
		this.locks = locks;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Every school due or loaded in the period, of one 区县 ({@code null}: all), with its
	 * state.
	 */
	public List<SchoolLine> schools(Period period, @Nullable String district) {
		Map<String, Long> loaded = new HashMap<>();
		jdbc.sql("select school_id, file_id from submission where period = ?").param(period.code()).query(rs -> {
			loaded.put(rs.getString(1), rs.getLong(2));
		});
		Map<String, Object[]> reviews = new HashMap<>();
		jdbc.sql("select school_id, file_id, state, reason, actor, at from school_review where period = ?")
			.param(period.code())
			.query(rs -> {
				reviews.put(rs.getString(1), new Object[] { rs.getLong(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getTimestamp(6).toInstant() });
			});
		return statuses.of(period)
			.stream()
			.filter(s -> district == null || district.equals(s.districtCode()))
			.map(s -> {
				Long file = loaded.get(s.id());
				Object[] review = reviews.get(s.id());
				if (file == null) {
					return new SchoolLine(s.id(), s.name(), s.districtCode(),
							s.status() == SchoolStatuses.Status.REFUSED ? SchoolState.REFUSED : SchoolState.MISSING,
							null, null, null, null, s.expected());
				}
				if (review == null || !file.equals(review[0])) {
					return new SchoolLine(s.id(), s.name(), s.districtCode(), SchoolState.SUBMITTED, file, null, null,
							null, s.expected());
				}
				return new SchoolLine(s.id(), s.name(), s.districtCode(), SchoolState.valueOf((String) review[1]), file,
						(String) review[2], (String) review[3], (Instant) review[4], s.expected());
			})
			.toList();
	}

	/** One school's line, if it is due or loaded in the period. */
	public Optional<SchoolLine> school(Period period, String schoolId) {
		return schools(period, null).stream().filter(s -> s.id().equals(schoolId)).findFirst();
	}

	/** The 区县 审核员 passes a school's loaded submission. */
	@Transactional
	public void pass(Period period, String schoolId, @Nullable String scope, String actor, String address) {
		SchoolLine line = actable(period, schoolId, scope);
		put(period, line, SchoolState.PASSED, null, actor);
		audit.record(Act.SCHOOL_PASSED, actor, address, period.code(), line.district(), schoolId, line.name());
	}

	/**
	 * The 区县 审核员 returns a school's loaded submission with a reason the school reads;
	 * what loaded stays until replaced.
	 */
	@Transactional
	public void returnToSchool(Period period, String schoolId, String reason, @Nullable String scope, String actor,
			String address) {
		String why = required(reason);
		SchoolLine line = actable(period, schoolId, scope);
		put(period, line, SchoolState.RETURNED, why, actor);
		audit.record(Act.SCHOOL_RETURNED, actor, address, period.code(), line.district(), schoolId,
				line.name() + "：" + why);
	}

	/** Where a 区县 stands, with its schools counted by state. */
	public List<DistrictReview> districts(Period period) {
		Map<String, Object[]> reviews = new HashMap<>();
		jdbc.sql("select district_code, state, reason from district_review where period = ?")
			.param(period.code())
			.query(rs -> {
				reviews.put(rs.getString(1), new Object[] { rs.getString(2), rs.getString(3) });
			});
		Map<String, Map<SchoolState, Long>> counts = new TreeMap<>();
		for (SchoolLine line : schools(period, null)) {
			counts.computeIfAbsent(line.district(), k -> new EnumMap<>(SchoolState.class))
				.merge(line.state(), 1L, Long::sum);
		}
		return counts.entrySet().stream().map(e -> {
			Object[] review = reviews.get(e.getKey());
			return new DistrictReview(e.getKey(),
					review == null ? DistrictState.OPEN : DistrictState.valueOf((String) review[0]),
					review == null ? null : (String) review[1], e.getValue());
		}).toList();
	}

	/**
	 * The 区县 passes itself up: only when each school it has loaded is passed (none
	 * awaiting, none returned).
	 */
	@Transactional
	public void submitDistrict(Period period, String district, @Nullable String scope, String actor, String address) {
		if (scope != null && !scope.equals(district)) {
			throw new ReviewRefused("只能上报本区县（" + scope + "）");
		}
		open(period);
		long waiting = schools(period, district).stream()
			.filter(s -> s.state() == SchoolState.SUBMITTED || s.state() == SchoolState.RETURNED)
			.count();
		if (waiting > 0) {
			throw new ReviewRefused("还有" + waiting + "所学校的报表待审核或已退回待更正，不能上报");
		}
		putDistrict(period, district, DistrictState.SUBMITTED, null, actor);
		audit.record(Act.DISTRICT_SUBMITTED, actor, address, period.code(), district, null, null);
	}

	/**
	 * The city passes a 区县 that has passed itself up: its schools' passed submissions
	 * become 市已审核.
	 */
	@Transactional
	public void passDistrict(Period period, String district, String actor, String address) {
		open(period);
		DistrictReview line = districts(period).stream()
			.filter(d -> d.district().equals(district))
			.findFirst()
			.orElseThrow(() -> new ReviewRefused("区县" + district + "在统计期" + period.code() + "没有学校"));
		if (line.state() != DistrictState.SUBMITTED) {
			throw new ReviewRefused("区县" + district + "尚未上报，不能审核通过");
		}
		putDistrict(period, district, DistrictState.PASSED, null, actor);
		jdbc.sql(
				"update school_review set state = ?, actor = ?, at = ? where period = ? and district_code = ? and state = ?")
			.params(SchoolState.CITY_PASSED.name(), actor, Timestamp.from(clock.instant()), period.code(), district,
					SchoolState.PASSED.name())
			.update();
		audit.record(Act.DISTRICT_PASSED, actor, address, period.code(), district, null, null);
	}

	/**
	 * The city returns a 区县 with a reason: it reviews again and passes itself up again.
	 */
	@Transactional
	public void returnDistrict(Period period, String district, String reason, String actor, String address) {
		String why = required(reason);
		open(period);
		putDistrict(period, district, DistrictState.RETURNED, why, actor);
		jdbc.sql("update school_review set state = ? where period = ? and district_code = ? and state = ?")
			.params(SchoolState.PASSED.name(), period.code(), district, SchoolState.CITY_PASSED.name())
			.update();
		audit.record(Act.DISTRICT_RETURNED, actor, address, period.code(), district, null, why);
	}

	private SchoolLine actable(Period period, String schoolId, @Nullable String scope) {
		open(period);
		SchoolLine line = school(period, schoolId).orElseThrow(() -> new ReviewRefused("没有这所学校：" + schoolId));
		if (scope != null && !scope.equals(line.district())) {
			throw new ReviewRefused("只能审核本区县（" + scope + "）的学校");
		}
		if (line.fileId() == null) {
			throw new ReviewRefused(line.name() + "在统计期" + period.code() + "没有已入库的报表");
		}
		return line;
	}

	private void open(Period period) {
		locks.lockedBecause(period.code()).ifPresent(reason -> {
			throw new ReviewRefused(reason);
		});
	}

	private static String required(String reason) {
		if (reason == null || reason.isBlank()) {
			throw new ReviewRefused("请填写退回原因");
		}
		String why = reason.strip();
		return why.length() > 500 ? why.substring(0, 500) : why;
	}

	private void put(Period period, SchoolLine line, SchoolState state, @Nullable String reason, String actor) {
		jdbc.sql("delete from school_review where school_id = ? and period = ?")
			.params(line.id(), period.code())
			.update();
		jdbc.sql("""
				insert into school_review (school_id, period, file_id, district_code, state, reason, actor, at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(Arrays.asList(line.id(), period.code(), line.fileId(), line.district(), state.name(), reason, actor,
					Timestamp.from(clock.instant())))
			.update();
	}

	private void putDistrict(Period period, String district, DistrictState state, @Nullable String reason,
			String actor) {
		jdbc.sql("delete from district_review where period = ? and district_code = ?")
			.params(period.code(), district)
			.update();
		jdbc.sql("""
				insert into district_review (period, district_code, state, reason, actor, at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(Arrays.asList(period.code(), district, state.name(), reason, actor,
					Timestamp.from(clock.instant())))
			.update();
	}

}
