package org.edustat.reports;

import org.apache.poi.ss.usermodel.Sheet;
import org.edustat.indicators.Comparison;
import org.edustat.indicators.Sentences;

/** 文字摘要: the ready-to-paste Chinese sentences. */
final class SummarySheet {

	private SummarySheet() {
	}

	static void write(Sheet sheet, ReportData data, ReportCells cells) {
		sheet.createRow(0).createCell(0).setCellValue(cells.title() + " 文字摘要");
		int r = 2;
		for (Comparison.Area area : data.areas().stream().sorted((a, b) -> Boolean.compare(b.city(), a.city())).toList()) {
			sheet.createRow(r++).createCell(0).setCellValue(area.city() ? "全市" : area.name());
			sheet.getRow(r - 1).getCell(0).setCellStyle(cells.style("header"));
			for (String sentence : Sentences.forArea(data.rows(), area.code(), data.yearEnd())) {
				sheet.createRow(r++).createCell(0).setCellValue(sentence);
			}
			r++;
		}
		sheet.setColumnWidth(0, 120 * 256);
	}
}
