package org.edustat.core;

import org.jspecify.annotations.Nullable;

/**
 * A school of the 学校名录 and its state (正常, 停办, 撤并); the ones in state 正常 are expected to
 * report (应报). Its {@code contact} is the school's telephone as the 学校名录 gives it (a
 * column it may lack: null then).
 */
public record RegistryEntry(SchoolProfile school, String status, @Nullable String contact) {

	public RegistryEntry(SchoolProfile school, String status) {
		this(school, status, null);
	}

	public static final String ACTIVE = "正常";

	public boolean expectedToReport() {
		return ACTIVE.equals(status);
	}
}
