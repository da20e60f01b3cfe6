package org.edustat.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.edustat.pipeline.RunHistory;
import org.edustat.pipeline.RunStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The runs as the pages show them: status and error in Chinese, times to the second. */
@Component
class RunRows {

	private final RunHistory history;

	private final ZoneId zone;

	/**
	 * @param zone the configured time zone (the schedule's): every time on every page is
	 * shown in it
	 */
	RunRows(RunHistory history, @Value("${edustat.schedule.zone:Asia/Shanghai}") String zone) {
		this.history = history;
		this.zone = ZoneId.of(zone);
	}

	/** The latest runs, newest first. */
	List<Map<String, Object>> latest(int limit) {
		return history.runs(limit).stream().map(this::readable).toList();
	}

	/** One run, as the pages show it. */
	Optional<Map<String, Object>> one(long id) {
		return history.run(id).map(this::readable);
	}

	/** One run's steps, named in Chinese. */
	List<Map<String, Object>> steps(long id) {
		return history.steps(id).stream().map(row -> {
			Map<String, Object> shown = Rows.caseInsensitiveCopy(row);
			shown.put("STEP", RunStatus.step(Objects.requireNonNull((String) row.get("STEP_NAME"))));
			shown.put("STATUS_LABEL", RunStatus.label(String.valueOf(row.get("STATUS"))));
			shown.put("START", RunStatus.time(row.get("START_TIME"), zone));
			shown.put("END", RunStatus.time(row.get("END_TIME"), zone));
			return shown;
		}).toList();
	}

	private Map<String, Object> readable(Map<String, Object> row) {
		Map<String, Object> shown = Rows.caseInsensitiveCopy(row);
		shown.put("STATUS_LABEL", RunStatus.label(String.valueOf(row.get("STATUS"))));
		shown.put("START", RunStatus.time(row.get("START_TIME"), zone));
		shown.put("END", RunStatus.time(row.get("END_TIME"), zone));
		shown.put("ERROR", RunStatus.error((String) row.get("EXIT_MESSAGE")));
		return shown;
	}

}
