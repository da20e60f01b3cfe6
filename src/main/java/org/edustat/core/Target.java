package org.edustat.core;

import java.math.BigDecimal;

/** An annual target (年度目标) of one indicator for a district or the whole city. */
public record Target(int year, DistrictCode district, String indicator, BigDecimal value) {
}
