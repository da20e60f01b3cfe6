package org.edustat.reports;

import java.time.LocalDate;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Where a period stands in the season when its report is written: 正式 once the city has
 * locked it, else 初步; how many of the schools loaded had passed 审核 (by their 区县 or the
 * city); the city's 报送截止, if set, and per 区县 code how many of its schools due reported by
 * their deadline. When it last changed is {@link Season#changedAt}.
 */
public record Standing(boolean locked, int passed, int loaded, @Nullable LocalDate submitBy,
		Map<String, Integer> onTime) {

	/** A period nobody has reviewed or locked, without a deadline. */
	public static final Standing OPEN = new Standing(false, 0, 0, null, Map.of());

	/** How many schools of a 区县 reported on time, if a deadline is set. */
	public @Nullable Integer onTime(String district) {
		return submitBy == null && onTime.isEmpty() ? null : onTime.getOrDefault(district, 0);
	}

	/** 正式 or 初步, as the report's title says it. */
	public String label() {
		return locked ? "正式" : "初步";
	}

	/**
	 * The line under the title: what the figures are and how many schools' data had
	 * passed 审核.
	 */
	public String note() {
		return "数据状态：" + label() + (locked ? "（统计期已锁定）" : "（统计期未锁定，数据可能变动）") + "；已入库学校" + loaded + "所，其中" + passed
				+ "所的数据已通过审核。";
	}
}
