package org.edustat.core;

/** A six-digit 行政区划代码 of a district (区县) or of the city. */
public record DistrictCode(String value) {

	public DistrictCode {
		if (value == null || !value.matches("\\d{6}")) {
			throw new IllegalArgumentException("行政区划代码须为6位数字 (district code must be 6 digits): " + value);
		}
	}

	@Override
	public String toString() {
		return value;
	}
}
