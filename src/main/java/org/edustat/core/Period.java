package org.edustat.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statistical period: the first half of a year ({@code 2023H1}, stocks at Jun 30) or
 * the whole year ({@code 2023Y}).
 */
public record Period(int year, boolean halfYear) implements Comparable<Period> {

	private static final Pattern CODE = Pattern.compile("(\\d{4})(H1|Y)");

	public Period {
		if (year < 1990 || year > 2100) {
			throw new IllegalArgumentException("统计年度超出范围 (year out of range): " + year);
		}
	}

	public static Period parse(String code) {
		Matcher m = CODE.matcher(code.trim().toUpperCase());
		if (!m.matches()) {
			throw new IllegalArgumentException("统计期代码无效 (invalid period code): " + code);
		}
		return new Period(Integer.parseInt(m.group(1)), "H1".equals(m.group(2)));
	}

	public static Period firstHalf(int year) {
		return new Period(year, true);
	}

	public static Period wholeYear(int year) {
		return new Period(year, false);
	}

	public String code() {
		return year + (halfYear ? "H1" : "Y");
	}

	/** The Chinese label used in reports, e.g. 2023年上半年 or 2023年. */
	public String label() {
		return halfYear ? year + "年上半年" : year + "年";
	}

	/** The same period one year earlier (上年同期). */
	public Period sameLastYear() {
		return new Period(year - 1, halfYear);
	}

	/** For a year, its first half; for a first half, itself. */
	public Period firstHalfOfYear() {
		return new Period(year, true);
	}

	/** The period before this one: 2023H1 → 2022Y, 2023Y → 2023H1. */
	public Period previous() {
		return halfYear ? new Period(year - 1, false) : new Period(year, true);
	}

	public Period wholeYearOf() {
		return new Period(year, false);
	}

	@Override
	public int compareTo(Period other) {
		int byYear = Integer.compare(year, other.year);
		return byYear != 0 ? byYear : Boolean.compare(other.halfYear, halfYear);
	}

	@Override
	public String toString() {
		return code();
	}
}
