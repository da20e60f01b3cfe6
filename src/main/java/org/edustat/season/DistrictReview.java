package org.edustat.season;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/** A 区县's line on the city's board. */
public record DistrictReview(String district, DistrictState state, @Nullable String reason,
		Map<SchoolState, Long> schools) {

	public long count(SchoolState state) {
		return schools.getOrDefault(state, 0L);
	}
}
