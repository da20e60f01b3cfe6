package org.edustat.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.DisplayBlanks;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.edustat.core.Target;
import org.edustat.indicators.Comparison;
import org.edustat.indicators.Indicator;
import org.edustat.indicators.Sentences;

/**
 * 历年趋势 (a year-end report with at least three year-ends known): for each key indicator,
 * the city and each 区县 over the years — each value as that year's report said it — with
 * the change over the span and 年均增长, and a line chart of the city's series under each
 * table.
 */
final class TrendSheet {

	private TrendSheet() {
	}

	static void write(XSSFSheet sheet, ReportData data, ReportCells cells) {
		Trend trend = data.trend();
		List<Integer> years = trend.years();
		sheet.createRow(0)
			.createCell(0)
			.setCellValue(cells.title() + " 历年趋势（" + years.get(0) + "—" + years.get(years.size() - 1)
					+ "年，各年数值为当年年报所载；灰色斜体为往年公布数（历年数据），非本系统计算）");
		List<Indicator> indicators = data.rows()
			.stream()
			.map(Comparison.Row::indicator)
			.filter(Indicator::key)
			.distinct()
			.toList();
		List<Comparison.Area> areas = new ArrayList<>(data.areas().stream().filter(Comparison.Area::city).toList());
		areas.addAll(data.areas().stream().filter(a -> !a.city()).toList());
		int r = 2;
		for (Indicator indicator : indicators) {
			ReportCells.text(sheet.createRow(r++), 0, indicator.name() + "（" + indicator.unit() + "）");
			List<String> header = new ArrayList<>(List.of("地区"));
			years.forEach(y -> header.add(y + "年"));
			header.add("变化");
			header.add("年均增长(%)");
			header.add("规划目标");
			header.add("目标年度");
			cells.header(sheet, r++, header);
			int first = r;
			for (Comparison.Area area : areas) {
				Row out = sheet.createRow(r++);
				ReportCells.text(out, 0, area.city() ? area.name() + "（全市）" : area.name());
				Integer firstYear = null;
				Integer lastYear = null;
				for (int i = 0; i < years.size(); i++) {
					BigDecimal value = trend.value(indicator.code(), area.code(), years.get(i));
					if (trend.isPublished(indicator.code(), area.code(), years.get(i))) {
						cells.published(out, 1 + i, value, indicator.decimals());
					}
					else {
						cells.number(out, 1 + i, value, indicator.decimals());
					}
					if (value != null) {
						firstYear = firstYear == null ? years.get(i) : firstYear;
						lastYear = years.get(i);
					}
				}
				if (firstYear != null && !firstYear.equals(lastYear)) {
					BigDecimal from = trend.value(indicator.code(), area.code(), firstYear);
					BigDecimal to = trend.value(indicator.code(), area.code(), Objects.requireNonNull(lastYear));
					cells.number(out, 1 + years.size(), Objects.requireNonNull(to).subtract(from),
							indicator.decimals());
					cells.number(out, 2 + years.size(), Trend.yearlyGrowth(from, firstYear, to, lastYear), 1);
				}
				Target target = trend.target(indicator.code(), area.code());
				if (target != null) {
					cells.number(out, 3 + years.size(), target.value(), indicator.decimals());
					out.createCell(4 + years.size()).setCellValue(target.year());
				}
			}
			for (String difference : differences(trend, indicator, areas)) {
				ReportCells.text(sheet.createRow(r++), 0, difference);
			}
			chart(sheet, indicator, first, years.size(), r);
			r += CHART_ROWS + 1;
		}
		sheet.setColumnWidth(0, 16 * 256);
		for (int c = 1; c <= years.size() + 4; c++) {
			sheet.setColumnWidth(c, 11 * 256);
		}
		ReportCells.fitPrint(sheet, years.size() + 5);
	}

	/**
	 * Where a year has both a published total and one EduStat computed, and they differ
	 * (at the indicator's decimals).
	 */
	static List<String> differences(Trend trend, Indicator indicator, List<Comparison.Area> areas) {
		List<String> lines = new ArrayList<>();
		for (Comparison.Area area : areas) {
			for (int year : trend.years()) {
				BigDecimal computed = trend.computed(indicator.code(), area.code(), year);
				BigDecimal published = trend.publishedValue(indicator.code(), area.code(), year);
				if (computed != null && published != null
						&& computed.setScale(indicator.decimals(), RoundingMode.HALF_UP)
							.compareTo(published.setScale(indicator.decimals(), RoundingMode.HALF_UP)) != 0) {
					lines.add("注：" + year + "年" + area.name() + indicator.name() + "公布数为"
							+ Sentences.amount(indicator, published) + "，本系统据学校报表计算为"
							+ Sentences.amount(indicator, computed) + "，表中为计算数。");
				}
			}
		}
		return lines;
	}

	/** The rows a chart takes under its table. */
	private static final int CHART_ROWS = 12;

	/**
	 * A line chart of the city's row (the first) over the years, under the table, as wide
	 * as the table.
	 */
	private static void chart(XSSFSheet sheet, Indicator indicator, int cityRow, int years, int top) {
		XSSFDrawing drawing = sheet.getDrawingPatriarch() != null ? sheet.getDrawingPatriarch()
				: sheet.createDrawingPatriarch();
		XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, top, Math.min(years + 3, 8), top + CHART_ROWS);
		XSSFChart chart = drawing.createChart(anchor);
		chart.setTitleText("全市" + indicator.name() + "（" + indicator.unit() + "）");
		chart.setTitleOverlay(false);
		chart.displayBlanksAs(DisplayBlanks.GAP);
		XDDFCategoryAxis axis = chart.createCategoryAxis(AxisPosition.BOTTOM);
		XDDFValueAxis values = chart.createValueAxis(AxisPosition.LEFT);
		XDDFDataSource<String> labels = XDDFDataSourcesFactory.fromStringCellRange(sheet,
				new CellRangeAddress(cityRow - 1, cityRow - 1, 1, years));
		XDDFNumericalDataSource<Double> numbers = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
				new CellRangeAddress(cityRow, cityRow, 1, years));
		XDDFChartData data = chart.createData(ChartTypes.LINE, axis, values);
		XDDFChartData.Series series = data.addSeries(labels, numbers);
		series.setTitle(indicator.name(), null);
		((XDDFLineChartData.Series) series).setMarkerStyle(MarkerStyle.CIRCLE);
		chart.plot(data);
		chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
	}

}
