package org.edustat.reports;

import java.util.List;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.AxisTickLabelPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
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
import org.edustat.indicators.Comparison;

/** 图表: bar charts of the key indicators by 区县. */
final class ChartsSheet {

	private ChartsSheet() {
	}

	static void write(XSSFSheet sheet, ReportData data, ReportCells cells) {
		sheet.createRow(0).createCell(0).setCellValue(cells.title() + " 图表");
		Comparison.Row sample = null;
		for (Comparison.Row row : data.rows()) {
			if (row.group().isEmpty() && row.rank() != null && row.progress() != null && row.indicator().key()) {
				sample = row;
				break;
			}
		}
		int r = 2;
		if (sample != null) {
			String code = sample.indicator().code();
			cells.header(sheet, r,
					List.of("区县", sample.indicator().name() + (data.yearEnd() ? "完成率(%)" : "年度任务进度(%)"), "目标线"));
			int first = r + 1;
			for (Comparison.Row row : data.rows()) {
				if (row.indicator().code().equals(code) && row.group().isEmpty() && row.rank() != null) {
					Row out = sheet.createRow(++r);
					ReportCells.text(out, 0, row.areaName());
					cells.number(out, 1, row.progress(), 1);
					out.createCell(2).setCellValue(100);
				}
			}
			bar(data, cells, sheet, "各区县" + sample.indicator().name() + (data.yearEnd() ? "年度目标完成率" : "年度任务进度") + "(%)",
					first, r, 3, 1, 2);
			r += 3;
		}
		boolean comparable = data.rows()
			.stream()
			.anyMatch(row -> row.indicator().code().equals("students") && row.group().isEmpty()
					&& row.onComparableBasis());
		cells.header(sheet, r, List.of("区县", "在校生数同比增减率(%)" + (comparable ? "(可比口径)" : "")));
		int first = r + 1;
		for (Comparison.Row row : data.rows()) {
			if (row.indicator().code().equals("students") && row.group().isEmpty() && row.rank() != null) {
				Row out = sheet.createRow(++r);
				ReportCells.text(out, 0, row.areaName());
				cells.number(out, 1, row.statedChangeRate(), 1);
			}
		}
		if (r >= first) {
			bar(data, cells, sheet, "各区县在校生数比" + cells.compared() + "增减率(%)" + (comparable ? "(可比口径)" : ""), first, r,
					21, 1, -1);
		}
		sheet.setColumnWidth(0, 14 * 256);
		sheet.setColumnWidth(1, 22 * 256);
		// both charts and their tables on one A4 page (about 80 %): a chart is never cut
		// between two pages
		sheet.getPrintSetup().setLandscape(true);
		sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
		sheet.setFitToPage(true);
		sheet.getPrintSetup().setFitWidth((short) 1);
		sheet.getPrintSetup().setFitHeight((short) 1);
	}

	/**
	 * A bar chart of one column by 区县, its category labels at the bottom of the plot so
	 * that negative bars never cover them; with a line column (the 100% of a target),
	 * that line drawn over the bars.
	 */
	private static void bar(ReportData data, ReportCells cells, XSSFSheet sheet, String title, int firstRow,
			int lastRow, int anchorRow, int valueColumn, int lineColumn) {
		XSSFDrawing drawing = sheet.createDrawingPatriarch();
		XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 3, anchorRow - 1, 10, anchorRow + 16);
		XSSFChart chart = drawing.createChart(anchor);
		chart.setTitleText(title);
		chart.setTitleOverlay(false);
		XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.BOTTOM);
		categories.setTickLabelPosition(AxisTickLabelPosition.LOW);
		XDDFValueAxis values = chart.createValueAxis(AxisPosition.LEFT);
		XDDFDataSource<String> names = XDDFDataSourcesFactory.fromStringCellRange(sheet,
				new CellRangeAddress(firstRow, lastRow, 0, 0));
		XDDFNumericalDataSource<Double> numbers = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
				new CellRangeAddress(firstRow, lastRow, valueColumn, valueColumn));
		XDDFChartData chartData = chart.createData(ChartTypes.BAR, categories, values);
		XDDFChartData.Series series = chartData.addSeries(names, numbers);
		series.setTitle(title, null);
		series.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(PresetColor.STEEL_BLUE)));
		chartData.setVaryColors(false);
		((XDDFBarChartData) chartData).setBarDirection(BarDirection.COL);
		chart.plot(chartData);
		if (lineColumn >= 0) {
			XDDFChartData line = chart.createData(ChartTypes.LINE, categories, values);
			XDDFChartData.Series target = line.addSeries(names, XDDFDataSourcesFactory.fromNumericCellRange(sheet,
					new CellRangeAddress(firstRow, lastRow, lineColumn, lineColumn)));
			target.setTitle("100%", null);
			((XDDFLineChartData.Series) target).setMarkerStyle(MarkerStyle.NONE);
			target.setLineProperties(
					new XDDFLineProperties(new XDDFSolidFillProperties(XDDFColor.from(PresetColor.FIREBRICK))));
			chart.plot(line);
		}
	}

}
