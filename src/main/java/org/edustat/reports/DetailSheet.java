package org.edustat.reports;

import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.edustat.indicators.Comparison;
import org.edustat.indicators.Indicator;

/** 明细数据: one row per area, indicator and group, in the columns of the contract. */
final class DetailSheet {

	/** The columns of 明细数据, exactly as the contract lists them. */
	static final List<String> DETAIL_COLUMNS = List.of("区县代码", "区县名称", "指标代码", "指标名称", "分组", "单位", "本期", "上年同期",
			"增减", "增减率", "年度目标", "进度", "位次");

	private DetailSheet() {
	}

	static void write(Sheet sheet, ReportData data, ReportCells cells) {
		cells.header(sheet, 0, DETAIL_COLUMNS);
		int r = 1;
		for (Comparison.Row row : data.rows()) {
			Indicator i = row.indicator();
			Row out = sheet.createRow(r++);
			ReportCells.text(out, 0, row.area());
			ReportCells.text(out, 1, row.areaName());
			ReportCells.text(out, 2, i.code());
			ReportCells.text(out, 3, i.name());
			ReportCells.text(out, 4, row.group());
			ReportCells.text(out, 5, i.unit());
			cells.number(out, 6, row.current(), i.decimals());
			cells.number(out, 7, row.last(), i.decimals());
			cells.number(out, 8, row.change(), i.isRate() ? 2 : i.decimals());
			cells.number(out, 9, row.changeRate(), 1);
			cells.number(out, 10, row.target(), i.decimals());
			OverviewSheet.progress(data, cells, out, 11, row);
			if (row.rank() != null) {
				out.createCell(12).setCellValue(row.rank());
			}
		}
	}
}
