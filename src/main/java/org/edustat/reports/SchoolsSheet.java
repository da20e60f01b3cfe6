package org.edustat.reports;

import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.edustat.indicators.Indicator;

/**
 * 学校明细: one row per loaded school — 标识码, 名称, 区县, 办学类型, 举办者, 城乡分类 — with its key
 * indicators this period and last, its place within its 区县 and what stands out. Never 填报人
 * or 联系电话.
 */
final class SchoolsSheet {

	static final List<String> IDENTITY = List.of("学校标识码", "学校名称", "区县", "办学类型", "举办者", "城乡分类");

	/** The width of 关注事项, whose text wraps within it. */
	static final int FLAGS_WIDTH = 28;

	private SchoolsSheet() {
	}

	static List<String> columns(ReportData data) {
		List<String> columns = new ArrayList<>(IDENTITY);
		for (Indicator i : data.schoolIndicators()) {
			columns.add(i.name() + "(" + i.unit() + ")");
			columns.add(i.name() + data.comparedLabel());
		}
		columns
			.add(data.schoolIndicators().isEmpty() ? "区县内位次" : "区县内位次(" + data.schoolIndicators().get(0).name() + ")");
		columns.add("关注事项");
		return columns;
	}

	static void write(Sheet sheet, ReportData data, ReportCells cells) {
		List<String> columns = columns(data);
		cells.header(sheet, 0, columns);
		for (int c = 0; c < columns.size(); c++) {
			sheet.getRow(0).getCell(c).setCellStyle(cells.style("header-wrap"));
		}
		sheet.getRow(0).setHeightInPoints(60);
		List<Indicator> shown = data.schoolIndicators();
		int[] next = { 1 };
		data.schools().forEach(school -> {
			Row out = sheet.createRow(next[0]++);
			ReportCells.text(out, 0, school.id());
			ReportCells.text(out, 1, school.name());
			ReportCells.text(out, 2, school.districtName());
			ReportCells.text(out, 3, school.type());
			ReportCells.text(out, 4, school.sponsor());
			ReportCells.text(out, 5, school.urbanRural());
			int c = IDENTITY.size();
			for (int i = 0; i < shown.size(); i++) {
				cells.number(out, c++, school.current().get(i), shown.get(i).decimals());
				cells.number(out, c++, school.last().get(i), shown.get(i).decimals());
			}
			if (school.rank() != null) {
				out.createCell(c).setCellValue(school.rank());
			}
			String flags = String.join("、", school.flags());
			ReportCells.text(out, c + 1, flags);
			int lines = FeedbackMarks.linesAcross(flags, FLAGS_WIDTH);
			if (!flags.isEmpty() && lines > 1) {
				out.getCell(c + 1).setCellStyle(cells.style("wrap"));
				out.setHeightInPoints(SummarySheet.LINE_HEIGHT * lines);
			}
		});
		// two A4 pages across at 73 %, 学校标识码 and 名称 repeated on the second: the identity,
		// then narrow figure columns
		// under wrapped headers
		int[] identity = { 11, 22, 7, 10, 10, 5 };
		for (int c = 0; c < identity.length && c < columns.size(); c++) {
			sheet.setColumnWidth(c, identity[c] * 256);
		}
		for (int c = identity.length; c < columns.size() - 1; c++) {
			sheet.setColumnWidth(c, (c == columns.size() - 2 ? 5 : 7) * 256);
		}
		sheet.setColumnWidth(columns.size() - 1, FLAGS_WIDTH * 256);
		sheet.createFreezePane(2, 1);
		sheet.setAutoFilter(new CellRangeAddress(0, Math.max(1, next[0] - 1), 0, columns.size() - 1));
		sheet.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
		sheet.setRepeatingColumns(CellRangeAddress.valueOf("A:B"));
		ReportCells.fitPrint(sheet, columns.size());
	}

}
