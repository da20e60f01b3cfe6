package org.edustat.reports;

import java.math.BigDecimal;
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
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * The workbook of one report and what its sheets share: the title, the styles, header
 * rows, text and number cells.
 */
final class ReportCells {

	private final ReportData data;

	private final XSSFWorkbook wb;

	private final Map<String, CellStyle> styles = new HashMap<>();

	ReportCells(ReportData data, XSSFWorkbook wb) {
		this.data = data;
		this.wb = wb;
	}

	XSSFWorkbook workbook() {
		return wb;
	}

	String title() {
		return data.cityName() + data.period().label() + "教育统计" + (data.yearEnd() ? "年报" : "半年报") + "（"
				+ data.standing().label() + "）";
	}

	String compared() {
		return data.yearEnd() ? "上年" : "上年同期";
	}

	void header(Sheet sheet, int r, List<String> names) {
		Row row = sheet.createRow(r);
		for (int c = 0; c < names.size(); c++) {
			Cell cell = row.createCell(c);
			cell.setCellValue(names.get(c));
			cell.setCellStyle(style("header"));
		}
	}

	static void text(Row row, int c, String value) {
		if (value != null && !value.isEmpty()) {
			row.createCell(c).setCellValue(value);
		}
	}

	void number(Row row, int c, @Nullable BigDecimal value, int decimals) {
		if (value == null) {
			return;
		}
		Cell cell = row.createCell(c);
		cell.setCellValue(value.doubleValue());
		cell.setCellStyle(style("n" + decimals));
	}

	/**
	 * A published total (历年数据): the number in italic grey, so that it is never read as
	 * computed.
	 */
	void published(Row row, int c, @Nullable BigDecimal value, int decimals) {
		if (value != null) {
			Cell cell = row.createCell(c);
			cell.setCellValue(value.doubleValue());
			cell.setCellStyle(style("p" + Math.min(4, decimals)));
		}
	}

	/** A share (0.96 for 96%) shown as a percentage with one decimal. */
	void fraction(Row row, int c, @Nullable BigDecimal share) {
		if (share != null) {
			Cell cell = row.createCell(c);
			cell.setCellValue(share.doubleValue());
			cell.setCellStyle(style("percent"));
		}
	}

	CellStyle style(String name) {
		if (name.equals("header-wrap") && !styles.containsKey(name)) {
			CellStyle style = wb.createCellStyle();
			style.cloneStyleFrom(style("header"));
			style.setWrapText(true);
			style.setVerticalAlignment(VerticalAlignment.TOP);
			styles.put(name, style);
		}
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
				case "p0", "p1", "p2", "p3", "p4" -> {
					// a published total (历年数据), not computed by EduStat: italic, grey
					Font font = wb.createFont();
					font.setItalic(true);
					font.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
					style.setFont(font);
					int decimals = Integer.parseInt(n.substring(1));
					style.setDataFormat(
							wb.createDataFormat().getFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals)));
				}
				case "wrap" -> {
					style.setWrapText(true);
					style.setVerticalAlignment(VerticalAlignment.TOP);
				}
				default -> {
					int decimals = Integer.parseInt(n.substring(1));
					style.setDataFormat(
							wb.createDataFormat().getFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals)));
				}
			}
			return style;
		});
	}

	void rate(Row out, int c, @Nullable BigDecimal percent) {
		if (percent != null) {
			Cell cell = out.createCell(c);
			cell.setCellValue(percent.doubleValue() / 100);
			cell.setCellStyle(style("percent"));
		}
	}

	/**
	 * What one A4 landscape page holds across at full size, in character widths of the
	 * default font (11 pt).
	 */
	static final int PAGE_CHARACTERS = 105;

	/** The smallest scale that keeps 11 pt text at 8 pt or more in print. */
	static final int SMALLEST_SCALE = 73;

	/**
	 * Prints a sheet as large as it fits one page wide, but never below 8 pt: a sheet
	 * that would need a smaller scale prints at the smallest legible one over several
	 * pages across (fewer than at full size), its label columns repeated on each.
	 */
	static void fitPrint(Sheet sheet, int columns) {
		double total = 0;
		for (int c = 0; c < columns; c++) {
			total += sheet.isColumnHidden(c) ? 0 : sheet.getColumnWidth(c) / 256.0;
		}
		int scale = total <= PAGE_CHARACTERS ? 100 : (int) Math.floor(100.0 * PAGE_CHARACTERS / total);
		sheet.getPrintSetup().setScale((short) Math.max(scale, SMALLEST_SCALE));
	}

}
