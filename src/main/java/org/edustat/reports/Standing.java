package org.edustat.reports;

import java.time.Instant;

/**
 * Where a period stands in the season when its report is written: 正式 once the city has locked it, else 初步; how many
 * of the schools loaded had passed 审核 (by their 区县 or the city); and when that last changed, so that a lock, an
 * unlock or a 审核 after the report was written makes it due again.
 */
public record Standing(boolean locked, int passed, int loaded, Instant changedAt) {

	/** A period nobody has reviewed or locked. */
	public static final Standing OPEN = new Standing(false, 0, 0, null);

	/** 正式 or 初步, as the report's title says it. */
	public String label() {
		return locked ? "正式" : "初步";
	}

	/** The line under the title: what the figures are and how many schools' data had passed 审核. */
	public String note() {
		return "数据状态：" + label() + (locked ? "（统计期已锁定）" : "（统计期未锁定，数据可能变动）") + "；已入库学校" + loaded + "所，其中"
				+ passed + "所的数据已通过审核。";
	}
}
