package org.edustat.core;

/**
 * What could be read of a workbook's 基本情况 even when the workbook is refused: school,
 * name, period and 区县, each null where it could not be read.
 */
public record Identity(String schoolId, String schoolName, String period, String districtCode) {

	public static final Identity UNKNOWN = new Identity(null, null, null, null);

}
