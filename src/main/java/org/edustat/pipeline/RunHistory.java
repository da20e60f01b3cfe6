package org.edustat.pipeline;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.edustat.ledger.LedgerReadings;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The import runs as Spring Batch's job repository records them, with what each took from
 * the ledger: the rows the pages list. Column names are upper case (ID, STATUS,
 * START_TIME, END_TIME, EXIT_MESSAGE, FILES, LOADED, REJECTED).
 */
public class RunHistory {

	private final JdbcClient jdbc;

	private final LedgerReadings ledger;

	public RunHistory(JdbcClient jdbc, LedgerReadings ledger) {
		this.jdbc = jdbc;
		this.ledger = ledger;
	}

	/** The latest runs, newest first. */
	public List<Map<String, Object>> runs(int limit) {
		return withCounts(jdbc.sql("""
				select job_execution_id as id, status, start_time, end_time, exit_message from batch_job_execution
				order by job_execution_id desc fetch first %d rows only""".formatted(limit)).query().listOfRows());
	}

	/** One run, if there is such a run. */
	public Optional<Map<String, Object>> run(long jobExecutionId) {
		return withCounts(jdbc.sql("""
				select job_execution_id as id, status, start_time, end_time, exit_message from batch_job_execution
				where job_execution_id = ?""").param(jobExecutionId).query().listOfRows()).stream().findFirst();
	}

	/**
	 * One run's steps in their order (STEP_NAME, STATUS, READ_COUNT, WRITE_COUNT,
	 * WRITE_SKIP_COUNT, START_TIME, END_TIME).
	 */
	public List<Map<String, Object>> steps(long jobExecutionId) {
		return jdbc.sql("""
				select step_name, status, read_count, write_count, write_skip_count, start_time, end_time
				from batch_step_execution where job_execution_id = ? order by step_execution_id""")
			.param(jobExecutionId)
			.query()
			.listOfRows();
	}

	private List<Map<String, Object>> withCounts(List<Map<String, Object>> rows) {
		Map<Long, LedgerReadings.RunCounts> counts = ledger
			.runCounts(rows.stream().map(row -> Objects.requireNonNull(((Number) row.get("ID"))).longValue()).toList());
		// rows of listOfRows read their column names in any case (H2 upper, PostgreSQL
		// lower): the counts join them
		rows.forEach(row -> {
			LedgerReadings.RunCounts count = counts.get(Objects.requireNonNull(((Number) row.get("ID"))).longValue());
			row.put("FILES", Objects.requireNonNull(count).files());
			row.put("LOADED", count.loaded());
			row.put("REJECTED", count.rejected());
		});
		return rows;
	}

}
