package org.edustat.season;

/** Where a 区县 stands in the season. */
public enum DistrictState {

	OPEN("审核中"), SUBMITTED("已上报"), PASSED("市已审核"), RETURNED("市已退回");

	private final String label;

	DistrictState(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
