package org.edustat.normalise.internal;

import java.math.BigDecimal;

import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Hands numbers to the grid in plain notation instead of as Excel would display them, and
 * marks dates, so that 1,234 formatted with a thousands separator or a date formatted as
 * 6/30/23 reach the normaliser unchanged.
 */
final class RawValueFormatter {

	private RawValueFormatter() {
	}

	/**
	 * A numeric cell's text: a date mark and ISO date where its number format is a
	 * date's, the plain number otherwise.
	 */
	static String numeric(double value, int formatIndex, String formatString, boolean use1904Windowing) {
		return numeric(value, DateUtil.isADateFormat(formatIndex, formatString), use1904Windowing);
	}

	/**
	 * A numeric cell's text when whether its format is a date's is known: the date mark
	 * and ISO date for a valid date, the plain number otherwise.
	 */
	static String numeric(double value, boolean dateFormat, boolean use1904Windowing) {
		if (dateFormat && DateUtil.isValidExcelDate(value)) {
			return RawSheet.DATE_MARK + DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate();
		}
		return plain(value);
	}

	static String plain(double value) {
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return Long.toString((long) value);
		}
		return BigDecimal.valueOf(value).toPlainString();
	}

}
