package org.edustat.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.edustat.indicators.Comparison;
import org.edustat.indicators.Indicator;
import org.edustat.indicators.Sentences;

/** Lays out one period's comparative report: 总览, 区县对比, 明细数据, 图表, 数据质量, 文字摘要, 变动. */
final class ReportWorkbook {

	/** The columns of 明细数据, exactly as the contract lists them. */
	static final List<String> DETAIL_COLUMNS = List.of("区县代码", "区县名称", "指标代码", "指标名称", "分组", "单位", "本期", "上年同期",
			"增减", "增减率", "年度目标", "进度", "位次");

	private final ReportData data;

	private final Map<String, CellStyle> styles = new HashMap<>();

	private XSSFWorkbook wb;

	ReportWorkbook(ReportData data) {
		this.data = data;
	}

	void write(Path file) throws IOException {
		try (XSSFWorkbook template = new XSSFWorkbook()) {
			wb = template;
			overview(wb.createSheet("总览"));
			districts(wb.createSheet("区县对比"));
			wb.createSheet("明细数据");
			charts(wb.createSheet("图表"));
			quality(wb.createSheet("数据质量"));
			sentences(wb.createSheet("文字摘要"));
			changes(wb.createSheet("变动"));
			for (Sheet sheet : wb) {
				sheet.getPrintSetup().setLandscape(true);
				sheet.setFitToPage(true);
				sheet.getPrintSetup().setFitWidth((short) 1);
				sheet.getPrintSetup().setFitHeight((short) 0);
			}
			try (SXSSFWorkbook streaming = new SXSSFWorkbook(template, 200); OutputStream out = Files.newOutputStream(file)) {
				detail(streaming.getSheet("明细数据"));
				streaming.write(out);
				streaming.dispose();
			}
		}
	}

	private String title() {
		return data.cityName() + data.period().label() + "教育统计" + (data.yearEnd() ? "年报" : "半年报");
	}

	private String compared() {
		return data.yearEnd() ? "上年" : "上年同期";
	}

	private void overview(Sheet sheet) {
		sheet.createRow(0).createCell(0).setCellValue(title());
		sheet.getRow(0).getCell(0).setCellStyle(style("title"));
		List<String> header = new ArrayList<>(List.of("指标", "单位", "本期", compared(), "增减", "增减率(%)", "趋势", "年度目标",
				data.yearEnd() ? "完成率" : "年度任务进度"));
		if (data.yearEnd()) {
			header.add("下半年");
		}
		header(sheet, 2, header);
		int r = 3;
		for (Comparison.Row row : data.rows()) {
			if (!row.area().equals(data.cityCode()) || !row.group().isEmpty() || !row.indicator().key()) {
				continue;
			}
			Row out = sheet.createRow(r++);
			Indicator i = row.indicator();
			text(out, 0, i.name());
			text(out, 1, i.unit());
			number(out, 2, row.current(), i.decimals());
			number(out, 3, row.last(), i.decimals());
			number(out, 4, row.change(), i.isRate() ? 2 : i.decimals());
			number(out, 5, row.changeRate(), 1);
			trend(out, 6, row);
			number(out, 7, row.target(), i.decimals());
			progress(out, 8, row);
			if (data.yearEnd()) {
				number(out, 9, row.secondHalf(), i.decimals());
			}
		}
		sheet.setColumnWidth(0, 26 * 256);
		for (int c = 1; c < header.size(); c++) {
			sheet.setColumnWidth(c, 13 * 256);
		}
	}

	private void trend(Row out, int c, Comparison.Row row) {
		if (row.change() == null || row.change().signum() == 0) {
			text(out, c, row.change() == null ? "" : "→");
			return;
		}
		boolean up = row.change().signum() > 0;
		boolean good = up == row.indicator().higherIsBetter();
		Cell cell = out.createCell(c);
		cell.setCellValue(up ? "↑" : "↓");
		cell.setCellStyle(style(good ? "good" : "bad"));
	}

	private void progress(Row out, int c, Comparison.Row row) {
		if (row.progress() != null) {
			Cell cell = out.createCell(c);
			cell.setCellValue(row.progress().doubleValue() / 100);
			cell.setCellStyle(style("percent"));
		}
		else if (row.targetMet() != null) {
			text(out, c, row.targetMet() ? "达标" : "未达标");
		}
	}

	private void districts(Sheet sheet) {
		List<Indicator> indicators = data.rows().stream().map(Comparison.Row::indicator).distinct().toList();
		List<Indicator> keys = indicators.stream().filter(Indicator::key).toList();
		Row header = sheet.createRow(0);
		text(header, 0, "区县代码");
		text(header, 1, "区县名称");
		int c = 2;
		for (Indicator i : indicators) {
			text(header, c++, i.name() + "(" + i.unit() + ")");
		}
		for (Indicator i : keys) {
			text(header, c++, i.name() + "位次");
		}
		for (int h = 0; h < c; h++) {
			header.getCell(h).setCellStyle(style("header"));
		}
		Map<String, Comparison.Row> byKey = new HashMap<>();
		data.rows().stream().filter(r -> r.group().isEmpty()).forEach(r -> byKey.put(r.area() + "|" + r.indicator().code(), r));
		int r = 1;
		for (Comparison.Area area : data.areas()) {
			Row out = sheet.createRow(r++);
			text(out, 0, area.code());
			text(out, 1, area.city() ? "全市合计" : area.name());
			int col = 2;
			for (Indicator i : indicators) {
				Comparison.Row row = byKey.get(area.code() + "|" + i.code());
				number(out, col++, row == null ? null : row.current(), i.decimals());
			}
			for (Indicator i : keys) {
				Comparison.Row row = byKey.get(area.code() + "|" + i.code());
				if (row != null && row.rank() != null) {
					out.createCell(col).setCellValue(row.rank());
				}
				col++;
			}
		}
		sheet.createFreezePane(2, 1);
	}

	private void detail(Sheet sheet) {
		header(sheet, 0, DETAIL_COLUMNS);
		int r = 1;
		for (Comparison.Row row : data.rows()) {
			Indicator i = row.indicator();
			Row out = sheet.createRow(r++);
			text(out, 0, row.area());
			text(out, 1, row.areaName());
			text(out, 2, i.code());
			text(out, 3, i.name());
			text(out, 4, row.group());
			text(out, 5, i.unit());
			number(out, 6, row.current(), i.decimals());
			number(out, 7, row.last(), i.decimals());
			number(out, 8, row.change(), i.isRate() ? 2 : i.decimals());
			number(out, 9, row.changeRate(), 1);
			number(out, 10, row.target(), i.decimals());
			progress(out, 11, row);
			if (row.rank() != null) {
				out.createCell(12).setCellValue(row.rank());
			}
		}
	}

	private void charts(XSSFSheet sheet) {
		sheet.createRow(0).createCell(0).setCellValue(title() + " 图表");
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
			header(sheet, r, List.of("区县", sample.indicator().name() + (data.yearEnd() ? "完成率(%)" : "年度任务进度(%)")));
			int first = r + 1;
			for (Comparison.Row row : data.rows()) {
				if (row.indicator().code().equals(code) && row.group().isEmpty() && row.rank() != null) {
					Row out = sheet.createRow(++r);
					text(out, 0, row.areaName());
					number(out, 1, row.progress(), 1);
				}
			}
			bar(sheet, "各区县" + sample.indicator().name() + (data.yearEnd() ? "年度目标完成率" : "年度任务进度") + "(%)", first, r, 3, 1);
			r += 3;
		}
		header(sheet, r, List.of("区县", "在校生数同比增减率(%)"));
		int first = r + 1;
		for (Comparison.Row row : data.rows()) {
			if (row.indicator().code().equals("students") && row.group().isEmpty() && row.rank() != null) {
				Row out = sheet.createRow(++r);
				text(out, 0, row.areaName());
				number(out, 1, row.changeRate(), 1);
			}
		}
		if (r >= first) {
			bar(sheet, "各区县在校生数比" + compared() + "增减率(%)", first, r, 21, 1);
		}
		sheet.setColumnWidth(0, 14 * 256);
		sheet.setColumnWidth(1, 22 * 256);
	}

	private void bar(XSSFSheet sheet, String title, int firstRow, int lastRow, int anchorRow, int valueColumn) {
		XSSFDrawing drawing = sheet.createDrawingPatriarch();
		XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 3, anchorRow - 1, 10, anchorRow + 16);
		XSSFChart chart = drawing.createChart(anchor);
		chart.setTitleText(title);
		chart.setTitleOverlay(false);
		XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.BOTTOM);
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
	}

	private void quality(Sheet sheet) {
		sheet.createRow(0).createCell(0).setCellValue(title() + " 数据质量");
		header(sheet, 2, List.of("区县代码", "区县名称", "应报", "已报", "报送率", "警告", "已说明的警告"));
		int r = 3;
		int expected = 0;
		int reported = 0;
		for (ReportData.DistrictQuality d : data.quality().districts()) {
			Row out = sheet.createRow(r++);
			text(out, 0, d.code());
			text(out, 1, d.name());
			out.createCell(2).setCellValue(d.expected());
			out.createCell(3).setCellValue(d.reported());
			rate(out, 4, d.rate());
			out.createCell(5).setCellValue(d.warnings());
			out.createCell(6).setCellValue(d.explained());
			expected += d.expected();
			reported += d.reported();
		}
		Row total = sheet.createRow(r++);
		text(total, 1, "全市合计");
		total.createCell(2).setCellValue(expected);
		total.createCell(3).setCellValue(reported);
		rate(total, 4, expected == 0 ? null : BigDecimal.valueOf(reported * 100.0 / expected));
		r++;
		sheet.createRow(r++).createCell(0).setCellValue("未报送的学校(" + data.quality().missing().size() + "所)");
		header(sheet, r++, List.of("区县", "学校标识码", "学校名称"));
		for (ReportData.Missing m : data.quality().missing()) {
			Row out = sheet.createRow(r++);
			text(out, 0, m.districtName());
			text(out, 1, m.schoolId());
			text(out, 2, m.schoolName());
		}
		r++;
		sheet.createRow(r++).createCell(0).setCellValue("退回的报表(" + data.quality().rejected().size() + "份)");
		header(sheet, r++, List.of("区县", "学校标识码", "学校名称", "文件", "原因"));
		for (ReportData.Rejected x : data.quality().rejected()) {
			Row out = sheet.createRow(r++);
			text(out, 0, x.districtName());
			text(out, 1, x.schoolId());
			text(out, 2, x.schoolName());
			text(out, 3, x.file());
			text(out, 4, x.reason());
		}
		sheet.setColumnWidth(1, 16 * 256);
		sheet.setColumnWidth(2, 30 * 256);
		sheet.setColumnWidth(3, 40 * 256);
		sheet.setColumnWidth(4, 60 * 256);
	}

	private void rate(Row out, int c, BigDecimal percent) {
		if (percent != null) {
			Cell cell = out.createCell(c);
			cell.setCellValue(percent.doubleValue() / 100);
			cell.setCellStyle(style("percent"));
		}
	}

	private void sentences(Sheet sheet) {
		sheet.createRow(0).createCell(0).setCellValue(title() + " 文字摘要");
		int r = 2;
		for (Comparison.Area area : data.areas().stream().sorted((a, b) -> Boolean.compare(b.city(), a.city())).toList()) {
			sheet.createRow(r++).createCell(0).setCellValue(area.city() ? "全市" : area.name());
			sheet.getRow(r - 1).getCell(0).setCellStyle(style("header"));
			for (String sentence : Sentences.forArea(data.rows(), area.code(), data.yearEnd())) {
				sheet.createRow(r++).createCell(0).setCellValue(sentence);
			}
			r++;
		}
		sheet.setColumnWidth(0, 120 * 256);
	}

	private void changes(Sheet sheet) {
		if (data.changes().isEmpty()) {
			sheet.createRow(0).createCell(0).setCellValue("与上一版报表相比没有变动(或这是第一版)");
			return;
		}
		header(sheet, 0, List.of("区县", "指标", "分组", "上一版", "本版"));
		int r = 1;
		for (ReportData.Change change : data.changes()) {
			Row out = sheet.createRow(r++);
			text(out, 0, change.areaName());
			text(out, 1, change.indicatorName());
			text(out, 2, change.group());
			number(out, 3, change.before(), 2);
			number(out, 4, change.after(), 2);
		}
	}

	private void header(Sheet sheet, int r, List<String> names) {
		Row row = sheet.createRow(r);
		for (int c = 0; c < names.size(); c++) {
			Cell cell = row.createCell(c);
			cell.setCellValue(names.get(c));
			cell.setCellStyle(style("header"));
		}
	}

	private static void text(Row row, int c, String value) {
		if (value != null && !value.isEmpty()) {
			row.createCell(c).setCellValue(value);
		}
	}

	private void number(Row row, int c, BigDecimal value, int decimals) {
		if (value == null) {
			return;
		}
		Cell cell = row.createCell(c);
		cell.setCellValue(value.setScale(decimals, RoundingMode.HALF_UP).doubleValue());
		cell.setCellStyle(style("n" + decimals));
	}

	private CellStyle style(String name) {
		return styles.computeIfAbsent(name, n -> {
			CellStyle style = wb.createCellStyle();
			switch (n) {
				case "title" -> {
					Font font = wb.createFont();
					font.setBold(true);
					font.setFontHeightInPoints((short) 14);
					style.setFont(font);
				}
				case "header" -> {
					Font font = wb.createFont();
					font.setBold(true);
					style.setFont(font);
					style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
					style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
					style.setBorderBottom(BorderStyle.THIN);
				}
				case "good", "bad" -> {
					Font font = wb.createFont();
					font.setBold(true);
					font.setColor(n.equals("good") ? IndexedColors.GREEN.getIndex() : IndexedColors.RED.getIndex());
					style.setFont(font);
				}
				case "percent" -> style.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
				default -> {
					int decimals = Integer.parseInt(n.substring(1));
					style.setDataFormat(wb.createDataFormat().getFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals)));
				}
			}
			return style;
		});
	}

}
