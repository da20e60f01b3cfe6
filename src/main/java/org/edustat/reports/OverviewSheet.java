package org.edustat.reports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.edustat.indicators.Comparison;
import org.edustat.indicators.Indicator;

/**
 * 总览: the key indicators of the city, this period against the comparison, trend and
 * progress. 本期 − 上年同期 = 增减 in every row; where the two periods' schools differ, the
 * change over the schools loaded in both stands in columns of its own (可比增减), and the
 * trend follows it.
 */
final class OverviewSheet {

	private OverviewSheet() {
	}

	static void write(Sheet sheet, ReportData data, ReportCells cells) {
		sheet.createRow(0).createCell(0).setCellValue(cells.title());
		sheet.getRow(0).getCell(0).setCellStyle(cells.style("title"));
		String cityNote = data.areas()
			.stream()
			.filter(Comparison.Area::city)
			.findFirst()
			.map(city -> SummarySheet.note(data, city))
			.orElse("");
		sheet.createRow(1).createCell(0).setCellValue(data.standing().note() + (cityNote.isEmpty() ? "" : cityNote));
		List<String> header = new ArrayList<>(List.of("指标", "单位", "本期", cells.compared(), "增减", "增减率(%)", "可比增减",
				"可比增减率(%)", "趋势", "年度目标", data.yearEnd() ? "完成率" : "年度任务进度"));
		if (data.yearEnd()) {
			header.add("下半年");
		}
		cells.header(sheet, 2, header);
		int r = 3;
		for (Comparison.Row row : data.rows()) {
			if (!row.area().equals(data.cityCode()) || !row.group().isEmpty() || !row.indicator().key()) {
				continue;
			}
			Row out = sheet.createRow(r++);
			Indicator i = row.indicator();
			ReportCells.text(out, 0, i.name());
			ReportCells.text(out, 1, i.unit());
			cells.number(out, 2, row.current(), i.decimals());
			cells.number(out, 3, row.last(), i.decimals());
			cells.number(out, 4, row.change(), i.isRate() ? 2 : i.decimals());
			cells.number(out, 5, row.changeRate(), 1);
			if (row.onComparableBasis()) {
				cells.number(out, 6, row.comparableChange(), i.isRate() ? 2 : i.decimals());
				cells.number(out, 7, row.comparableChangeRate(), 1);
			}
			trend(data, cells, out, 8, row);
			cells.number(out, 9, row.target(), i.decimals());
			progress(data, cells, out, 10, row);
			if (data.yearEnd()) {
				cells.number(out, 11, row.secondHalf(), i.decimals());
			}
		}
		sheet.setColumnWidth(0, 24 * 256);
		for (int c = 1; c < header.size(); c++) {
			sheet.setColumnWidth(c, (c == 1 || c == 8 ? 6 : 11) * 256);
		}
		if (sheet.getRow(1) != null) {
			// the note spans the table and wraps within it: nothing is cut at the margin
			double width = 0;
			for (int c = 0; c < header.size(); c++) {
				width += sheet.getColumnWidth(c) / 256.0;
			}
			sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, header.size() - 1));
			Cell note = sheet.getRow(1).getCell(0);
			note.setCellStyle(cells.style("wrap"));
			sheet.getRow(1)
				.setHeightInPoints(
						SummarySheet.LINE_HEIGHT * FeedbackMarks.linesAcross(note.getStringCellValue(), (int) width));
		}
		sheet.createFreezePane(1, 3);
		sheet.setRepeatingRows(CellRangeAddress.valueOf("3:3"));
		sheet.setRepeatingColumns(CellRangeAddress.valueOf("A:A"));
		ReportCells.fitPrint(sheet, header.size());
	}

	private static void trend(ReportData data, ReportCells cells, Row out, int c, Comparison.Row row) {
		BigDecimal change = row.statedChange();
		if (change == null || change.signum() == 0) {
			ReportCells.text(out, c, change == null ? "" : "→");
			return;
		}
		boolean up = change.signum() > 0;
		boolean good = up == row.indicator().higherIsBetter();
		Cell cell = out.createCell(c);
		cell.setCellValue(up ? "↑" : "↓");
		cell.setCellStyle(cells.style(good ? "good" : "bad"));
	}

	static void progress(ReportData data, ReportCells cells, Row out, int c, Comparison.Row row) {
		if (row.progress() != null) {
			Cell cell = out.createCell(c);
			cell.setCellValue(row.progress().doubleValue() / 100);
			cell.setCellStyle(cells.style("percent"));
		}
		else if (row.targetMet() != null) {
			ReportCells.text(out, c, row.targetMet() ? "达标" : "未达标");
		}
	}

}
