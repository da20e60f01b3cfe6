package org.edustat.season;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.edustat.core.Period;
import org.edustat.ledger.FileStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deadlines and timeliness: each period has a 报送截止 for the schools (the city's, or a 区县's
 * own) and optionally a 审核截止 for the 区县. A school reported on time when its first file
 * that loaded arrived by the end of its 区县's 报送截止 (in the bureau's time zone); 及时率 = on
 * time / 应报, beside 报送率 = 已报 / 应报. The 催报 list names, per 区县, each school that has not
 * reported, whose files were all refused, or that its 区县 returned — with what to do.
 */
public class Deadlines {

	/** The key of the whole city's deadline. */
	static final String CITY = "000000";

	/** A 区县's deadline as it applies (its own, else the city's). */
	public record Deadline(String period, String district, LocalDate submitBy, @Nullable LocalDate reviewBy) {
	}

	/** A 区县's timeliness in a period. */
	public record Timeliness(String district, @Nullable LocalDate submitBy, int expected, int reported, int onTime,
			int late, int missing, int toFix) {

		/** 报送率 in %, one decimal; null when none is due. */
		public @Nullable BigDecimal reportingRate() {
			return rate(reported);
		}

		/** 及时率 in %, one decimal; null when none is due. */
		public @Nullable BigDecimal timelinessRate() {
			return rate(onTime);
		}

		private @Nullable BigDecimal rate(int count) {
			return expected == 0 ? null
					: BigDecimal.valueOf(count * 100L).divide(BigDecimal.valueOf(expected), 1, RoundingMode.HALF_UP);
		}
	}

	/**
	 * A line of the 催报 list; {@code contact} is the school's telephone from 学校名录 (null
	 * when it gives none).
	 */
	public record Chase(String district, String schoolId, String schoolName, String what, @Nullable String reason,
			@Nullable String contact) {
	}

	private final JdbcClient jdbc;

	private final Reviews reviews;

	private final AuditTrail audit;

	private final ZoneId zone;

	private final Clock clock;

	public Deadlines(JdbcClient jdbc, Reviews reviews, AuditTrail audit, ZoneId zone, Clock clock) {
		this.jdbc = jdbc;
		this.reviews = reviews;
		this.audit = audit;
		this.zone = zone;
		this.clock = clock;
	}

	/**
	 * Sets the deadlines of a period for the whole city ({@code district} null) or one
	 * 区县.
	 */
	@Transactional
	public void set(String period, @Nullable String district, LocalDate submitBy, @Nullable LocalDate reviewBy,
			String actor, @Nullable String address) {
		Period.parse(period);
		if (submitBy == null) {
			throw new IllegalArgumentException("请填写报送截止日期");
		}
		String key = district == null || district.isBlank() ? CITY : district.strip();
		jdbc.sql("delete from deadline where period = ? and district_code = ?").params(period, key).update();
		jdbc.sql("insert into deadline (period, district_code, submit_by, review_by) values (?, ?, ?, ?)")
			.params(Arrays.asList(period, key, Date.valueOf(submitBy),
					reviewBy == null ? null : Date.valueOf(reviewBy)))
			.update();
		audit.record(Act.DEADLINE_SET, actor, address, period, key.equals(CITY) ? null : key, null,
				"报送截止" + submitBy + (reviewBy == null ? "" : "，审核截止" + reviewBy));
	}

	/** Whether any deadline is set for the period (the city's or a 区县's). */
	public boolean anySet(String period) {
		return !all(period).isEmpty();
	}

	/** The deadline that applies to a 区县 ({@code null}: the city's), if one is set. */
	public Optional<Deadline> of(String period, @Nullable String district) {
		Map<String, Deadline> all = all(period);
		return Optional.ofNullable(district == null ? all.get(CITY) : all.getOrDefault(district, all.get(CITY)));
	}

	private Map<String, Deadline> all(String period) {
		Map<String, Deadline> deadlines = new HashMap<>();
		jdbc.sql("select district_code, submit_by, review_by from deadline where period = ?")
			.param(period)
			.query(rs -> {
				Date review = rs.getDate(3);
				deadlines.put(rs.getString(1), new Deadline(period, rs.getString(1), rs.getDate(2).toLocalDate(),
						review == null ? null : review.toLocalDate()));
			});
		return deadlines;
	}

	/**
	 * Per 区县, by code, of the schools due (应报): 已报 (on time and late), 未报, to fix; on
	 * time counted against the 区县's deadline (all on time where none is set).
	 */
	public List<Timeliness> timeliness(Period period) {
		Map<String, Deadline> deadlines = all(period.code());
		Map<String, Instant> firstLoaded = new HashMap<>();
		jdbc.sql(
				"select school_id, min(received_at) from inbox_file where period = ? and status in (?, ?) group by school_id")
			.params(period.code(), FileStatus.LOADED.label(), FileStatus.SUPERSEDED.label())
			.query(rs -> {
				firstLoaded.put(rs.getString(1), rs.getTimestamp(2).toInstant());
			});
		Map<String, int[]> counts = new TreeMap<>();
		for (SchoolLine school : reviews.schools(period, null)) {
			if (!school.expected()) {
				continue;
			}
			int[] c = counts.computeIfAbsent(school.district(), d -> new int[6]);
			c[0]++;
			Deadline deadline = deadlines.getOrDefault(school.district(), deadlines.get(CITY));
			Instant first = firstLoaded.get(school.id());
			if (school.fileId() != null) {
				c[1]++;
				if (deadline == null || first == null || first.isBefore(endOf(deadline.submitBy()))) {
					c[2]++;
				}
				else {
					c[3]++;
				}
			}
			else {
				c[4]++;
			}
			if (school.state() == SchoolState.REFUSED || school.state() == SchoolState.RETURNED) {
				c[5]++;
			}
		}
		List<Timeliness> out = new ArrayList<>();
		counts.forEach((district, c) -> {
			Deadline deadline = deadlines.getOrDefault(district, deadlines.get(CITY));
			out.add(new Timeliness(district, deadline == null ? null : deadline.submitBy(), c[0], c[1], c[2], c[3],
					c[4], c[5]));
		});
		return out;
	}

	/** Whether the 区县's 报送截止 has passed now. */
	public boolean past(String period, String district) {
		return of(period, district).map(d -> clock.instant().isAfter(endOf(d.submitBy()))).orElse(false);
	}

	/**
	 * The schools of a 区县 whose loaded reports still await its 审核 (已报送) once its 审核截止 has
	 * passed; none before it, or when it has none.
	 */
	public List<SchoolLine> awaitingReviewPastDeadline(Period period, @Nullable String district) {
		boolean past = of(period.code(), district).map(Deadline::reviewBy)
			.map(day -> clock.instant().isAfter(endOf(day)))
			.orElse(false);
		return !past ? List.of()
				: reviews.schools(period, district).stream().filter(s -> s.state() == SchoolState.SUBMITTED).toList();
	}

	/**
	 * The schools of a 区县 ({@code null}: all) to chase in a period: not reported, all
	 * files refused, or returned.
	 */
	public List<Chase> chase(Period period, @Nullable String district) {
		List<Chase> chase = new ArrayList<>();
		Map<String, String> contacts = new HashMap<>();
		// the 区县's schools alone when one is asked for (a digest goes out per 区县 and
		// period)
		(district == null ? jdbc.sql("select school_id, contact from school_registry where contact is not null") : jdbc
			.sql("select school_id, contact from school_registry where contact is not null and district_code = ?")
			.param(district)).query((rs, n) -> contacts.put(rs.getString(1), rs.getString(2))).list();
		for (SchoolLine school : reviews.schools(period, district)) {
			String what = switch (school.state()) {
				case MISSING -> "未报送";
				case REFUSED -> "报表被退回，待更正后重新报送";
				case RETURNED -> "区县审核退回，待更正后重新报送";
				default -> null;
			};
			if (what != null) {
				chase.add(new Chase(school.district(), school.id(), school.name(), what, school.reason(),
						contacts.get(school.id())));
			}
		}
		return chase;
	}

	/**
	 * The 催报 list as a workbook: school, 区县, what is missing or to fix and why. No 填报人 or
	 * 联系电话 from a workbook: a 区县 reaches its schools by its own 学校名录.
	 */
	public byte[] chaseWorkbook(Period period, @Nullable String district) {
		String title = period.label() + (district == null ? " 全市" : " 区县" + district) + " 催报名单"
				+ of(period.code(), district).map(d -> "（报送截止" + d.submitBy() + "）").orElse("");
		return ChaseWorkbook.write(title, chase(period, district));
	}

	private Instant endOf(LocalDate day) {
		return day.plusDays(1).atStartOfDay(zone).toInstant();
	}

}
