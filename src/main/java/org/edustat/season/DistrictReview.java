package org.edustat.season;

import java.util.Map;

/** A 区县's line on the city's board. */
public record DistrictReview(String district, DistrictState state, String reason, Map<SchoolState, Long> schools) {

	public long count(SchoolState state) {
		return schools.getOrDefault(state, 0L);
	}
}
