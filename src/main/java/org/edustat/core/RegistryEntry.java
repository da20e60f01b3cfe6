package org.edustat.core;

/** A school of the 学校名录 and its state (正常, 停办, 撤并); the ones in state 正常 are expected to report (应报). */
public record RegistryEntry(SchoolProfile school, String status) {

	public static final String ACTIVE = "正常";

	public boolean expectedToReport() {
		return ACTIVE.equals(status);
	}
}
