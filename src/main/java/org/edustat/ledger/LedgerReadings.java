package org.edustat.ledger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.edustat.core.Severity;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the pages, the reports and the run summary read from the ledger and its findings:
 * counts and listings.
 */
public class LedgerReadings {

	private final JdbcClient jdbc;

	public LedgerReadings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One finding of a file as a person reads it: the file (and whose it is), the cell,
	 * the code and the message.
	 */
	public record FileFinding(String file, String cell, String code, String severity, String message) {
	}

	/**
	 * A refused file of a period: its 区县, school, the path as received and the first
	 * reason.
	 */
	public record Refusal(String districtCode, String schoolId, String schoolName, String receivedPath, String reason) {
	}

	/** How many files a run took, loaded and refused. */
	public record RunCounts(long files, long loaded, long rejected) {
	}

	/**
	 * The findings of a given severity on the files of a run that ended in a given
	 * status, in file order.
	 */
	public List<FileFinding> findings(long jobExecutionId, FileStatus status, Severity severity) {
		return jdbc
			.sql("""
					select case when f.status = ?
					         then f.received_path || coalesce(' — ' || f.school_name || ' (' || f.school_id || ', ' || f.period || ')', '')
					         else coalesce(f.school_name || ' (' || f.school_id || ', ' || f.period || ')', f.received_path) end,
					       d.cell, d.code, d.severity, d.message
					from inbox_file f join finding d on d.file_id = f.id
					where f.job_execution_id = ? and f.status = ? and d.severity = ?
					order by f.id, d.id""")
			.params(FileStatus.REJECTED.label(), jobExecutionId, status.label(), severity.label())
			.query((rs, n) -> new FileFinding(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.list();
	}

	/**
	 * The files of a period refused, by 区县 and school, a file without either after those
	 * with (as PostgreSQL sorts them; H2 would put them first).
	 */
	public List<Refusal> refusals(String period) {
		return jdbc.sql("""
				select district_code, school_id, school_name, received_path, reason from inbox_file
				where period = ? and status = ? order by district_code nulls last, school_id nulls last, id""")
			.params(period, FileStatus.REJECTED.label())
			.query((rs, n) -> new Refusal(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.list();
	}

	/**
	 * A warning of a period: where, which rule, the message and the school's 说明 if it
	 * gave one.
	 *
	 * @param onFile whether it was found on a school's file in force (not a finding about
	 * the period itself, Y03)
	 */
	public record Warning(String districtCode, String schoolId, String schoolName, String code, String cell,
			String message, String explanation, boolean onFile) {
	}

	/**
	 * Every warning on the files in force of a period and on the period itself (Y03), by
	 * 区县, school and order found.
	 */
	public List<Warning> warningList(String period) {
		return jdbc.sql("""
				select f.district_code, f.school_id, f.school_name, d.code, d.cell, d.message, d.explanation, d.id, 1
				from finding d join inbox_file f on f.id = d.file_id
				where f.period = ? and f.status = ? and d.severity = ?
				union all
				select d.district_code, d.school_id, null, d.code, d.cell, d.message, d.explanation, d.id, 0
				from finding d where d.file_id is null and d.period = ? and d.severity = ?
				order by 1 nulls last, 2 nulls last, 8""")
			.params(period, FileStatus.LOADED.label(), Severity.WARNING.label(), period, Severity.WARNING.label())
			.query((rs, n) -> new Warning(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(9) == 1))
			.list();
	}

	/** Per period and 区县 ("2023Y|990102"), the files refused. */
	public Map<String, Long> refusedCounts() {
		Map<String, Long> counts = new HashMap<>();
		jdbc.sql(
				"select period, district_code, count(*) from inbox_file where status = ? group by period, district_code")
			.param(FileStatus.REJECTED.label())
			.query(rs -> {
				counts.put(rs.getString(1) + "|" + rs.getString(2), rs.getLong(3));
			});
		return counts;
	}

	/** The periods any file was recorded for, latest first. */
	public List<String> periods() {
		return jdbc.sql("select distinct period from inbox_file where period is not null order by period desc")
			.query(String.class)
			.list();
	}

	/**
	 * The last entry that loaded data (loaded or since superseded): a report written
	 * after it is up to date.
	 */
	public long lastLoadedId() {
		return jdbc.sql("select coalesce(max(id), 0) from inbox_file where status in (?, ?)")
			.params(FileStatus.LOADED.label(), FileStatus.SUPERSEDED.label())
			.query(Long.class)
			.single();
	}

	/**
	 * What a run took, from its fixed counts once it ended, counted from the ledger while
	 * it runs.
	 */
	public @Nullable RunCounts runCounts(long jobExecutionId) {
		return runCounts(List.of(jobExecutionId)).get(jobExecutionId);
	}

	/** What each of the given runs took, in two queries whatever their number. */
	public Map<Long, RunCounts> runCounts(List<Long> jobExecutionIds) {
		Map<Long, RunCounts> counts = new HashMap<>();
		if (jobExecutionIds.isEmpty()) {
			return counts;
		}
		jobExecutionIds.forEach(id -> counts.put(id, new RunCounts(0, 0, 0)));
		String ids = String.join(", ", Collections.nCopies(jobExecutionIds.size(), "?"));
		List<Object> params = new ArrayList<>(List.of(FileStatus.LOADED.label(), FileStatus.REJECTED.label()));
		params.addAll(jobExecutionIds);
		jdbc.sql("""
				select job_execution_id, count(*), sum(case when status = ? then 1 else 0 end),
				  sum(case when status = ? then 1 else 0 end)
				from inbox_file where job_execution_id in (%s) group by job_execution_id""".formatted(ids))
			.params(params)
			.query(rs -> {
				counts.put(rs.getLong(1), new RunCounts(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
			});
		jdbc.sql("select job_execution_id, files, loaded, rejected from run_count where job_execution_id in (%s)"
			.formatted(ids)).params(jobExecutionIds).query(rs -> {
				counts.put(rs.getLong(1), new RunCounts(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
			});
		return counts;
	}

	/** Entries matching every given filter (null for any), newest first. */
	public List<LedgerEntry> search(@Nullable String period, @Nullable String districtCode, @Nullable String school,
			@Nullable FileStatus status, int limit) {
		StringBuilder sql = new StringBuilder("select " + LedgerEntry.COLUMNS + " from inbox_file where 1 = 1");
		List<Object> params = new ArrayList<>();
		if (period != null) {
			sql.append(" and period = ?");
			params.add(period);
		}
		if (districtCode != null) {
			sql.append(" and district_code = ?");
			params.add(districtCode);
		}
		if (school != null) {
			sql.append(" and (school_id = ? or school_name like ?)");
			params.add(school);
			params.add("%" + school + "%");
		}
		if (status != null) {
			sql.append(" and status = ?");
			params.add(status.label());
		}
		sql.append(" order by id desc fetch first ").append(Math.max(1, limit)).append(" rows only");
		return jdbc.sql(sql.toString()).params(params).query(LedgerEntry::read).list();
	}

}
