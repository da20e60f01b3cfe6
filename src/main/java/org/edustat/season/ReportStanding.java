package org.edustat.season;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.edustat.core.Period;
import org.edustat.reports.Season;
import org.edustat.reports.Standing;

/** Where a period stands in the season for its reports: the lock, the schools passed, the deadline and who was on time. */
public class ReportStanding implements Season {

	private final Reviews reviews;

	private final PeriodLocks locks;

	private final Deadlines deadlines;

	public ReportStanding(Reviews reviews, PeriodLocks locks, Deadlines deadlines) {
		this.reviews = reviews;
		this.locks = locks;
		this.deadlines = deadlines;
	}

	@Override
	public Optional<Instant> changedAt(Period period) {
		return reviews.changedAt(period);
	}

	@Override
	public Standing standing(Period period) {
		int[] counts = reviews.passed(period);
		boolean locked = locks.find(period.code()).map(PeriodLocks.Lock::locked).orElse(false);
		Map<String, Integer> onTime = new HashMap<>();
		if (deadlines.anySet(period.code())) {
			deadlines.timeliness(period).forEach(t -> onTime.put(t.district(), t.onTime()));
		}
		return new Standing(locked, counts[0], counts[1],
				deadlines.of(period.code(), null).map(Deadlines.Deadline::submitBy).orElse(null), onTime);
	}
}
