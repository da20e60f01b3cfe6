package org.edustat.core;

import org.jspecify.annotations.Nullable;

/**
 * What could be read of a workbook's 基本情况 even when the workbook is refused: school,
 * name, period and 区县, each null where it could not be read.
 */
public record Identity(@Nullable String schoolId, @Nullable String schoolName, @Nullable String period,
		@Nullable String districtCode) {

	public static final Identity UNKNOWN = new Identity(null, null, null, null);

}
