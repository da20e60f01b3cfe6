package org.edustat.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.edustat.core.Finding;
import org.edustat.core.Severity;
import org.edustat.core.Submission;
import org.edustat.normalise.Explanations;
import org.jspecify.annotations.Nullable;

/**
 * What a 回执 shows of its findings: each finding's cell marked with its message, and the
 * 审核结果 sheet listing them all.
 */
final class FeedbackMarks {

	/** The columns of 审核结果, in character widths: together one A4 page across. */
	static final int[] RECEIPT_WIDTHS = { 5, 6, 6, 10, 34, 20, 18, 13 };

	static final int HEADING_COLUMNS = RECEIPT_WIDTHS.length;

	static final int RECEIPT_WIDTH = Arrays.stream(RECEIPT_WIDTHS).sum();

	private FeedbackMarks() {
	}

	static void mark(Workbook wb, List<Finding> findings) {
		Map<String, List<Finding>> byCell = new LinkedHashMap<>();
		for (Finding f : findings) {
			if (f.cell().row() > 0) {
				byCell.computeIfAbsent(f.cell().toString(), k -> new ArrayList<>()).add(f);
			}
		}
		Map<String, CellStyle> styles = new HashMap<>();
		CreationHelper helper = wb.getCreationHelper();
		for (List<Finding> onCell : byCell.values()) {
			Finding first = onCell.get(0);
			Sheet sheet = sheet(wb, first.cell().sheet());
			if (sheet == null) {
				continue;
			}
			int r = first.cell().row() - 1;
			int c = first.cell().column();
			Row row = sheet.getRow(r) != null ? sheet.getRow(r) : sheet.createRow(r);
			Cell cell = row.getCell(c) != null ? row.getCell(c) : row.createCell(c);
			boolean error = onCell.stream().anyMatch(Finding::isError);
			CellStyle original = cell.getCellStyle();
			cell.setCellStyle(styles.computeIfAbsent(original.getIndex() + (error ? "E" : "W"), k -> {
				CellStyle style = wb.createCellStyle();
				style.cloneStyleFrom(original);
				style.setFillForegroundColor(error ? IndexedColors.RED.getIndex() : IndexedColors.YELLOW.getIndex());
				style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
				return style;
			}));
			StringBuilder text = new StringBuilder();
			for (Finding f : onCell) {
				text.append(text.isEmpty() ? "" : "\n")
					.append(f.code())
					.append(' ')
					.append(f.severity().label())
					.append(':')
					.append(f.message());
			}
			if (cell.getCellComment() != null) {
				cell.removeCellComment();
			}
			Drawing<?> drawing = sheet.createDrawingPatriarch();
			ClientAnchor anchor = helper.createClientAnchor();
			anchor.setCol1(c);
			anchor.setCol2(c + 4);
			anchor.setRow1(r);
			anchor.setRow2(r + 4);
			Comment comment = drawing.createCellComment(anchor);
			comment.setAddress(r, c);
			comment.setString(helper.createRichTextString(text.toString()));
			comment.setAuthor("EduStat");
			cell.setCellComment(comment);
		}
	}

	/**
	 * How many lines a text takes across a width of so many characters (a Chinese
	 * character takes about two).
	 */
	static int linesAcross(String text, int width) {
		double units = 0;
		for (int i = 0; i < text.length(); i++) {
			units += text.charAt(i) > 0x2E80 ? 2 : 1.1;
		}
		return Math.max(1, (int) Math.ceil(units / (width - 2)));
	}

	static void findingsSheet(Workbook wb, List<Finding> findings, Map<String, String> explanations,
			FeedbackWorkbooks.Receipt receipt) {
		int existing = wb.getSheetIndex(Explanations.SHEET);
		if (existing >= 0) {
			wb.removeSheetAt(existing);
		}
		Sheet sheet = wb.createSheet(Explanations.SHEET);
		List<String> heading = receipt.heading(findings);
		CellStyle bold = wb.createCellStyle();
		Font font = wb.createFont();
		font.setBold(true);
		font.setFontHeightInPoints((short) 13);
		bold.setFont(font);
		CellStyle wrapped = wb.createCellStyle();
		wrapped.setWrapText(true);
		wrapped.setVerticalAlignment(VerticalAlignment.TOP);
		for (int i = 0; i < heading.size(); i++) {
			Row row = sheet.createRow(i);
			Cell cell = row.createCell(0);
			cell.setCellValue(heading.get(i));
			cell.setCellStyle(i == 0 ? bold : wrapped);
			// each line spans the sheet's width and wraps within it: nothing runs off the
			// printed page
			sheet.addMergedRegion(new CellRangeAddress(i, i, 0, HEADING_COLUMNS - 1));
			if (i > 0) {
				row.setHeightInPoints(SummarySheet.LINE_HEIGHT * linesAcross(heading.get(i), RECEIPT_WIDTH));
			}
		}
		int top = heading.size();
		sheet.createRow(top).createCell(0).setCellValue(summary(findings));
		Row header = sheet.createRow(top + 1);
		for (int c = 0; c < FeedbackWorkbooks.HEADER.size(); c++) {
			header.createCell(c).setCellValue(FeedbackWorkbooks.HEADER.get(c));
		}
		CellStyle wrap = wb.createCellStyle();
		wrap.setWrapText(true);
		wrap.setVerticalAlignment(VerticalAlignment.TOP);
		int r = top + 2;
		for (Finding f : findings) {
			Row row = sheet.createRow(r);
			String explanation = f.severity() == Severity.WARNING
					? explanations.get(Submission.explanationKey(f.code(), f.cell().toString())) : null;
			row.createCell(0).setCellValue(r - top - 1);
			row.createCell(1).setCellValue(f.code());
			row.createCell(2).setCellValue(f.severity().label());
			row.createCell(3).setCellValue(f.cell().toString());
			row.createCell(4).setCellValue(f.message());
			row.createCell(5).setCellValue(f.values());
			row.createCell(6).setCellValue(explanation == null ? "" : explanation);
			row.createCell(7).setCellValue(f.isError() ? "须更正后重新报送" : explanation != null ? "已说明" : "请核实,如属实请填写说明");
			for (int c = 4; c <= 7; c++) {
				row.getCell(c).setCellStyle(wrap);
			}
			r++;
		}
		int[] widths = RECEIPT_WIDTHS;
		for (int c = 0; c < widths.length; c++) {
			sheet.setColumnWidth(c, widths[c] * 256);
		}
		sheet.getPrintSetup().setLandscape(true);
		sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
		ReportCells.fitPrint(sheet, widths.length);
		sheet.setRepeatingRows(new CellRangeAddress(top + 1, top + 1, -1, -1));
		wb.setSheetOrder(Explanations.SHEET, 0);
		for (Sheet other : wb) {
			other.setSelected(false);
		}
		sheet.setSelected(true);
		wb.setActiveSheet(0);
		wb.setFirstVisibleTab(0);
		if (wb instanceof HSSFWorkbook) {
			return;
		}
		sheet.createFreezePane(0, top + 2);
	}

	/** The 回执's first line: 共N条:错误X条,警告Y条. */
	static String summary(List<Finding> findings) {
		long errors = findings.stream().filter(Finding::isError).count();
		return "共" + findings.size() + "条：错误" + errors + "条，警告" + (findings.size() - errors) + "条";
	}

	static @Nullable Sheet sheet(Workbook wb, String name) {
		for (Sheet sheet : wb) {
			if (sheet.getSheetName().strip().equals(name)) {
				return sheet;
			}
		}
		return null;
	}

}
