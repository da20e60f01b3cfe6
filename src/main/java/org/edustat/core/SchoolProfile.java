package org.edustat.core;

/** Who a submission is from, as sheet 基本情况 says. */
public record SchoolProfile(SchoolId id, String name, DistrictCode district, SchoolType type, Sponsor sponsor,
		UrbanRural urbanRural) {
}
