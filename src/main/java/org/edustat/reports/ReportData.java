package org.edustat.reports;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.edustat.core.Period;
import org.edustat.indicators.Comparison;
import org.edustat.indicators.Indicator;
import org.jspecify.annotations.Nullable;

/** Everything a comparative report of one period shows. */
public record ReportData(Period period, String cityCode, String cityName, List<Comparison.Area> areas,
		List<Comparison.Row> rows, boolean lastYearLoaded, Quality quality, List<Change> changes,
		List<Indicator> schoolIndicators, SchoolLines schools, Map<String, String> schoolCauses, Standing standing,
		Trend trend) {

	public boolean yearEnd() {
		return !period.halfYear();
	}

	/**
	 * Why an area's count of schools changed, by area code: the causes add up to the
	 * change (减少2所 because 1所未报送、1所被退回); empty where it did not change.
	 */
	public String causes(String area) {
		return schoolCauses.getOrDefault(area, "");
	}

	/**
	 * The name of the comparison period in a column: 上年 at year-end, 上年同期 at half-year.
	 */
	public String comparedLabel() {
		return yearEnd() ? "上年" : "上年同期";
	}

	/**
	 * The 数据质量 sheet: 应报 / 已报 per 区县, the schools that did not report (未报), those whose
	 * every file was refused (退回), the refused files and the warnings.
	 */
	public record Quality(List<DistrictQuality> districts, List<Missing> missing, List<Missing> refusedSchools,
			List<Rejected> rejected, List<Warned> warnings) {
	}

	/** A warning on a loaded school's submission, with the 说明 the school gave if any. */
	public record Warned(String districtName, String schoolId, String schoolName, String code, String cell,
			String message, String explanation) {
	}

	/** One 区县's reporting: expected, reported, warnings and explained warnings. */
	public record DistrictQuality(String code, String name, int expected, int reported, int warnings, int explained) {

		public @Nullable BigDecimal rate() {
			return expected == 0 ? null : BigDecimal.valueOf(reported * 100.0 / expected);
		}
	}

	/**
	 * A school due to report with nothing loaded: not reported (未报), or every file
	 * refused (退回).
	 */
	public record Missing(String districtCode, String districtName, String schoolId, String schoolName) {
	}

	/** A rejected submission of the period. */
	public record Rejected(String districtName, String schoolId, String schoolName, String file, String reason) {
	}

	/**
	 * One loaded school as 学校明细 shows it: who it is, its indicators (of
	 * {@link #schoolIndicators}) this period and last, its rank within its 区县 on the
	 * first of them, and what stands out.
	 */
	public record SchoolLine(String id, String name, String districtCode, String districtName, String type,
			String sponsor, String urbanRural, List<BigDecimal> current, List<BigDecimal> last, @Nullable Integer rank,
			List<String> flags) {
	}

	/**
	 * The loaded schools of 学校明细: their codes, and their lines handed one at a time in
	 * the order of 区县 and code.
	 */
	public interface SchoolLines {

		/** The codes of the schools loaded for the period. */
		Set<String> ids();

		void forEach(Consumer<SchoolLine> line);

	}

	/** A figure that changed since the previous version of this report. */
	public record Change(String areaName, String indicatorName, String group, @Nullable BigDecimal before,
			@Nullable BigDecimal after) {
	}
}
