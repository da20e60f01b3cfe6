package org.edustat.core;

import java.math.BigDecimal;

/**
 * A total a bureau published before EduStat (历年数据): a year-end value of an indicator for
 * the city or a 区县. Shown in 历年趋势 marked as published, never as computed.
 */
public record PublishedValue(int year, DistrictCode district, String indicator, BigDecimal value) {
}
