package org.edustat.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edustat.core.Period;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which schools were due to report and which did: the registry's schools in state 正常 or,
 * without a registry, the schools loaded for the period or for the same period last year
 * (the contract's 应报).
 */
public class Coverage {

	private static final String ACTIVE = "正常";

	private final JdbcClient jdbc;

	public Coverage(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A school due to report: its code, name, 区县 and type (the type only from the
	 * registry).
	 */
	public record School(String id, String name, String districtCode, @Nullable String type) {
	}

	/** Loaded and due schools of one period and 区县. */
	public record Reported(String period, String districtCode, String districtName, long reported, long expected) {
	}

	/** The schools due to report in a period. */
	public List<School> expected(Period period) {
		if (hasRegistry()) {
			return jdbc
				.sql("select school_id, school_name, district_code, school_type from school_registry where status = ?")
				.param(ACTIVE)
				.query((rs, n) -> new School(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
				.list();
		}
		return jdbc.sql("select distinct school_id, school_name, district_code from submission where period in (?, ?)")
			.params(period.code(), period.sameLastYear().code())
			.query((rs, n) -> new School(rs.getString(1), rs.getString(2), rs.getString(3), null))
			.list();
	}

	/** The periods with loaded data, earliest first. */
	public List<Period> periods() {
		return jdbc.sql("select distinct period from submission")
			.query(String.class)
			.list()
			.stream()
			.map(Period::parse)
			.sorted()
			.toList();
	}

	/** The schools loaded for a period. */
	public List<String> reported(Period period) {
		return jdbc.sql("select school_id from submission where period = ?")
			.param(period.code())
			.query(String.class)
			.list();
	}

	/** How many schools of a 区县 have data loaded for a period. */
	public long reportedCount(Period period, String districtCode) {
		return jdbc.sql("select count(*) from submission where period = ? and district_code = ?")
			.params(period.code(), districtCode)
			.query(Long.class)
			.single();
	}

	/** The registry's schools of a 区县 due in a period that have nothing loaded for it. */
	public List<School> missing(String districtCode, Period period) {
		return jdbc.sql("""
				select r.school_id, r.school_name, r.district_code, r.school_type from school_registry r
				where r.district_code = ? and r.status = ?
				  and not exists (select 1 from submission s where s.school_id = r.school_id and s.period = ?)
				order by r.school_id""")
			.params(districtCode, ACTIVE, period.code())
			.query((rs, n) -> new School(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	/**
	 * Per period and 区县 with anything loaded, latest period first: how many schools
	 * reported and were due.
	 */
	public List<Reported> byPeriodAndDistrict() {
		return jdbc.sql("""
				select s.period, s.district_code, d.name, count(*),
				  (select count(*) from school_registry r where r.district_code = s.district_code and r.status = ?)
				from submission s left join district d on d.code = s.district_code
				group by s.period, d.name, s.district_code order by s.period desc, s.district_code""")
			.param(ACTIVE)
			.query((rs, n) -> new Reported(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
					rs.getLong(5)))
			.list()
			.stream()
			.map(r -> r.expected() > 0 ? r
					: new Reported(r.period(), r.districtCode(), r.districtName(), r.reported(),
							loadedEither(r.districtCode(), Period.parse(r.period()))))
			.toList();
	}

	/** The 区县 codes with their names, the city included, by code. */
	public Map<String, String> districtNames() {
		Map<String, String> names = new LinkedHashMap<>();
		jdbc.sql("select code, name from district order by code").query(rs -> {
			names.put(rs.getString(1), rs.getString(2));
		});
		return names;
	}

	private long loadedEither(String districtCode, Period period) {
		return jdbc.sql("select count(distinct school_id) from submission where district_code = ? and period in (?, ?)")
			.params(districtCode, period.code(), period.sameLastYear().code())
			.query(Long.class)
			.single();
	}

	private boolean hasRegistry() {
		return jdbc.sql("select count(*) from school_registry where status = ?")
			.param(ACTIVE)
			.query(Integer.class)
			.single() > 0;
	}

}
