package org.edustat.season;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A school's line in its 区县's queue. */
public record SchoolLine(String id, String name, String district, SchoolState state, @Nullable Long fileId,
		@Nullable String reason, @Nullable String actor, @Nullable Instant at, boolean expected) {

	/** Whether it awaits the 区县's 审核 (loaded, not yet passed or returned). */
	public boolean awaitsReview() {
		return state == SchoolState.SUBMITTED;
	}
}
