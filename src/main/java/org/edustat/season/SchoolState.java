package org.edustat.season;

/** Where a school stands in the season. */
public enum SchoolState {

	MISSING("未报送"), REFUSED("报表被退回"), SUBMITTED("已报送"), PASSED("区县已审核"), RETURNED("已退回学校"), CITY_PASSED("市已审核");

	private final String label;

	SchoolState(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
