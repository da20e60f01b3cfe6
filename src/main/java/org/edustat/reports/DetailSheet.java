package org.edustat.reports;

import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.edustat.indicators.Comparison;
import org.edustat.indicators.Indicator;

/**
 * 明细数据: one row per area, indicator and group, in the contract's columns with 分组类型 beside
 * 分组, the comparable basis (可比增减, 可比增减率, 覆盖) after the plain change, and 下半年 at year-end.
 * Exact values; rounding is the format's.
 */
final class DetailSheet {

	/** The columns of 明细数据 in every report. */
	static final List<String> DETAIL_COLUMNS = List.of("区县代码", "区县名称", "指标代码", "指标名称", "分组类型", "分组", "单位", "本期", "上年同期",
			"增减", "增减率", "可比增减", "可比增减率", "覆盖", "年度目标", "进度", "位次");

	/** The column a year-end report adds: the second half of a flow (全年 − 上半年). */
	static final String SECOND_HALF = "下半年";

	/**
	 * The columns' widths: together, without the hidden 指标代码, one A4 page across at 73 %
	 * (8 pt); the narrow headers wrap.
	 */
	private static final int[] WIDTHS = { 7, 7, 24, 20, 8, 10, 5, 10, 10, 9, 6, 9, 6, 6, 10, 7, 4, 9 };

	/**
	 * The column of the indicator's code: kept for filters, pivots and formulas, hidden
	 * on screen and in print.
	 */
	static final int CODE_COLUMN = 2;

	private DetailSheet() {
	}

	static List<String> columns(ReportData data) {
		List<String> columns = new ArrayList<>(DETAIL_COLUMNS);
		if (data.yearEnd()) {
			columns.add(SECOND_HALF);
		}
		return columns;
	}

	static void write(Sheet sheet, ReportData data, ReportCells cells) {
		List<String> columns = columns(data);
		cells.header(sheet, 0, columns);
		for (int c = 0; c < columns.size(); c++) {
			sheet.getRow(0).getCell(c).setCellStyle(cells.style("header-wrap"));
		}
		sheet.getRow(0).setHeightInPoints(30);
		int r = 1;
		for (Comparison.Row row : data.rows()) {
			Indicator i = row.indicator();
			Row out = sheet.createRow(r++);
			ReportCells.text(out, 0, row.area());
			ReportCells.text(out, 1, row.areaName());
			ReportCells.text(out, 2, i.code());
			ReportCells.text(out, 3, i.name());
			ReportCells.text(out, 4, row.groupType());
			ReportCells.text(out, 5, row.group());
			ReportCells.text(out, 6, i.unit());
			cells.number(out, 7, row.current(), i.decimals());
			cells.number(out, 8, row.last(), i.decimals());
			cells.number(out, 9, row.change(), i.isRate() ? 2 : i.decimals());
			cells.number(out, 10, row.changeRate(), 1);
			cells.number(out, 11, row.comparableChange(), i.isRate() ? 2 : i.decimals());
			cells.number(out, 12, row.comparableChangeRate(), 1);
			cells.fraction(out, 13, row.coverage());
			cells.number(out, 14, row.target(), i.decimals());
			OverviewSheet.progress(data, cells, out, 15, row);
			if (row.rank() != null) {
				out.createCell(16).setCellValue(row.rank());
			}
			if (data.yearEnd()) {
				cells.number(out, 17, row.secondHalf(), i.decimals());
			}
		}
		for (int c = 0; c < columns.size(); c++) {
			sheet.setColumnWidth(c, WIDTHS[c] * 256);
		}
		sheet.setColumnHidden(CODE_COLUMN, true);
		sheet.createFreezePane(4, 1);
		sheet.setAutoFilter(new CellRangeAddress(0, Math.max(1, r - 1), 0, columns.size() - 1));
		sheet.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
		sheet.setRepeatingColumns(CellRangeAddress.valueOf("A:D"));
		ReportCells.fitPrint(sheet, columns.size());
	}

}
