package org.edustat.reports;

import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** 变动: figures that changed since the report was last written. */
final class ChangesSheet {

	private ChangesSheet() {
	}

	static void write(Sheet sheet, ReportData data, ReportCells cells) {
		if (data.changes().isEmpty()) {
			sheet.createRow(0).createCell(0).setCellValue("与上一版报表相比没有变动(或这是第一版)");
			return;
		}
		cells.header(sheet, 0, List.of("区县", "指标", "分组", "上一版", "本版"));
		int r = 1;
		for (ReportData.Change change : data.changes()) {
			Row out = sheet.createRow(r++);
			ReportCells.text(out, 0, change.areaName());
			ReportCells.text(out, 1, change.indicatorName());
			ReportCells.text(out, 2, change.group());
			cells.number(out, 3, change.before(), 2);
			cells.number(out, 4, change.after(), 2);
		}
		ReportCells.fitPrint(sheet, 5);
	}

}
