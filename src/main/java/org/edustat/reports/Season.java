package org.edustat.reports;

import java.time.Instant;
import java.util.Optional;

import org.edustat.core.Period;

/**
 * What the reports need of the reporting season: where a period stands when its report is
 * written, and — cheaply, for deciding whether the reports are due — when that last
 * changed.
 */
public interface Season {

	/** A city without a season: every period open, nothing reviewed. */
	Season NONE = new Season() {

		@Override
		public Standing standing(Period period) {
			return Standing.OPEN;
		}

		@Override
		public Optional<Instant> changedAt(Period period) {
			return Optional.empty();
		}
	};

	Standing standing(Period period);

	/**
	 * When the lock, a 审核 act, a deadline or a 说明 of the period last changed, if ever.
	 */
	Optional<Instant> changedAt(Period period);

}
