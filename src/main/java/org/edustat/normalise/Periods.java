package org.edustat.normalise;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Year;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.edustat.core.Period;
import org.edustat.form.Labels;
import org.edustat.normalise.internal.RawSheet;

/**
 * Reads every form of 统计期 schools write: 2023H1, 2023年上半年, 2023-06-30, an Excel date,
 * 2023年度, 2023 …
 */
final class Periods {

	private static final MonthDay JUNE_30 = MonthDay.of(6, 30);

	private static final MonthDay DECEMBER_31 = MonthDay.of(12, 31);

	private static final Pattern CODE = Pattern.compile("(\\d{4})(H1|Y)", Pattern.CASE_INSENSITIVE);

	private static final Pattern HALF = Pattern.compile("(\\d{4})年?(上半年|上半年度|半年|年中)");

	private static final Pattern YEAR = Pattern.compile("(\\d{4})年?(度|全年|年度|年报)?");

	private static final Pattern DATE = Pattern.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?");

	private static final Pattern SERIAL = Pattern.compile("\\d{5}(\\.0+)?");

	private Periods() {
	}

	static Period parse(String raw) {
		Period period = read(raw);
		int thisYear = Year.now().getValue();
		if (period.year() > thisYear + 1 || period.year() < EARLIEST) {
			throw new IllegalArgumentException("统计期「" + raw.trim() + "」(" + period.code() + ")不可能:年份须在" + EARLIEST
					+ "年至" + (thisYear + 1) + "年之间");
		}
		return period;
	}

	/** The earliest year a submission may be for. */
	static final int EARLIEST = 2000;

	private static Period read(String raw) {
		if (raw == null) {
			throw new IllegalArgumentException("统计期为空");
		}
		if (raw.startsWith(RawSheet.DATE_MARK)) {
			return ofDate(LocalDate.parse(raw.substring(RawSheet.DATE_MARK.length())), raw);
		}
		String text = Labels.clean(raw);
		Matcher m;
		if ((m = CODE.matcher(text)).matches()) {
			return new Period(Integer.parseInt(m.group(1)), "H1".equalsIgnoreCase(m.group(2)));
		}
		if ((m = HALF.matcher(text)).matches()) {
			return Period.firstHalf(Integer.parseInt(m.group(1)));
		}
		if ((m = YEAR.matcher(text)).matches()) {
			return Period.wholeYear(Integer.parseInt(m.group(1)));
		}
		if ((m = DATE.matcher(text)).matches()) {
			return ofDate(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
					Integer.parseInt(m.group(3))), raw);
		}
		if (SERIAL.matcher(text).matches()) {
			return ofDate(LocalDate.of(1899, 12, 30).plusDays((long) Double.parseDouble(text)), raw);
		}
		throw new IllegalArgumentException("无法识别的统计期「" + raw.trim() + "」");
	}

	private static Period ofDate(LocalDate date, String raw) {
		MonthDay day = MonthDay.from(date);
		if (day.equals(JUNE_30)) {
			return Period.firstHalf(date.getYear());
		}
		if (day.equals(DECEMBER_31)) {
			return Period.wholeYear(date.getYear());
		}
		throw new IllegalArgumentException("统计期日期" + date + "既不是6月30日也不是12月31日");
	}

}
