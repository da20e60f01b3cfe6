package org.edustat.core;

/** The ten-digit 学校标识码 that identifies a school nationally. */
public record SchoolId(String value) {

	public SchoolId {
		if (value == null || !value.matches("\\d{10}")) {
			throw new IllegalArgumentException("学校标识码须为10位数字 (school id must be 10 digits): " + value);
		}
	}

	@Override
	public String toString() {
		return value;
	}
}
