package org.edustat.reports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * 数据质量: per 区县 the schools due, reported and refused, the warnings, the missing schools.
 */
final class QualitySheet {

	private QualitySheet() {
	}

	static void write(Sheet sheet, ReportData data, ReportCells cells) {
		sheet.createRow(0).createCell(0).setCellValue(cells.title() + " 数据质量");
		boolean deadline = data.standing().submitBy() != null || !data.standing().onTime().isEmpty();
		List<String> header = new ArrayList<>(List.of("区县代码", "区县名称", "应报", "已报", "报送率", "警告", "已说明的警告"));
		if (deadline) {
			header.addAll(List.of("按时报送", "及时率"));
		}
		cells.header(sheet, 2, header);
		int r = 3;
		int expected = 0;
		int reported = 0;
		int onTime = 0;
		for (ReportData.DistrictQuality d : data.quality().districts()) {
			Row out = sheet.createRow(r++);
			ReportCells.text(out, 0, d.code());
			ReportCells.text(out, 1, d.name());
			out.createCell(2).setCellValue(d.expected());
			out.createCell(3).setCellValue(d.reported());
			cells.rate(out, 4, d.rate());
			out.createCell(5).setCellValue(d.warnings());
			out.createCell(6).setCellValue(d.explained());
			if (deadline) {
				int on = Objects.requireNonNull(data.standing().onTime(d.code()));
				out.createCell(7).setCellValue(on);
				cells.rate(out, 8, d.expected() == 0 ? null : BigDecimal.valueOf(on * 100.0 / d.expected()));
				onTime += on;
			}
			expected += d.expected();
			reported += d.reported();
		}
		Row total = sheet.createRow(r++);
		ReportCells.text(total, 1, "全市合计");
		total.createCell(2).setCellValue(expected);
		total.createCell(3).setCellValue(reported);
		cells.rate(total, 4, expected == 0 ? null : BigDecimal.valueOf(reported * 100.0 / expected));
		if (deadline) {
			total.createCell(7).setCellValue(onTime);
			cells.rate(total, 8, expected == 0 ? null : BigDecimal.valueOf(onTime * 100.0 / expected));
			ReportCells.text(total, 9, data.standing().submitBy() == null ? "" : "报送截止" + data.standing().submitBy());
		}
		r = spacer(sheet, r);
		r = schools(sheet, r, cells, "未报送的学校", data.quality().missing());
		r = schools(sheet, r, cells, "报表均被退回的学校", data.quality().refusedSchools());
		Map<String, Long> refusedBy = data.quality()
			.rejected()
			.stream()
			.collect(Collectors.groupingBy(x -> x.districtName() == null ? "未识别区县" : x.districtName(), TreeMap::new,
					Collectors.counting()));
		sheet.createRow(r++).createCell(0).setCellValue("各区县退回的报表");
		cells.header(sheet, r++, List.of("区县", "退回份数"));
		for (Map.Entry<String, Long> entry : refusedBy.entrySet()) {
			Row out = sheet.createRow(r++);
			ReportCells.text(out, 0, entry.getKey());
			out.createCell(1).setCellValue(entry.getValue());
		}
		r = spacer(sheet, r);
		sheet.createRow(r++).createCell(0).setCellValue("退回的报表(" + data.quality().rejected().size() + "份)");
		cells.header(sheet, r++, List.of("区县", "学校标识码", "学校名称", "文件", "原因"));
		for (ReportData.Rejected x : data.quality().rejected()) {
			Row out = sheet.createRow(r++);
			ReportCells.text(out, 0, x.districtName());
			ReportCells.text(out, 1, x.schoolId());
			ReportCells.text(out, 2, x.schoolName());
			ReportCells.text(out, 3, x.file());
			ReportCells.text(out, 4, x.reason());
		}
		r = spacer(sheet, r);
		sheet.createRow(r++).createCell(0).setCellValue("警告明细(" + data.quality().warnings().size() + "条)");
		cells.header(sheet, r++, List.of("区县", "学校标识码", "学校名称", "规则", "单元格", "问题描述", "说明"));
		for (ReportData.Warned w : data.quality().warnings()) {
			Row out = sheet.createRow(r++);
			ReportCells.text(out, 0, w.districtName());
			ReportCells.text(out, 1, w.schoolId());
			ReportCells.text(out, 2, w.schoolName());
			ReportCells.text(out, 3, w.code());
			ReportCells.text(out, 4, w.cell());
			ReportCells.text(out, 5, w.message());
			ReportCells.text(out, 6, w.explanation());
		}
		int[] widths = { 9, 11, 22, 18, 12, 40, 18 };
		for (int c = 0; c < widths.length; c++) {
			sheet.setColumnWidth(c, widths[c] * 256);
		}
		sheet.setRepeatingRows(CellRangeAddress.valueOf("3:3"));
		ReportCells.fitPrint(sheet, 7);
	}

	private static int schools(Sheet sheet, int r, ReportCells cells, String title, List<ReportData.Missing> schools) {
		sheet.createRow(r++).createCell(0).setCellValue(title + "（" + schools.size() + "所）");
		cells.header(sheet, r++, List.of("区县", "学校标识码", "学校名称"));
		for (ReportData.Missing m : schools) {
			Row out = sheet.createRow(r++);
			ReportCells.text(out, 0, m.districtName());
			ReportCells.text(out, 1, m.schoolId());
			ReportCells.text(out, 2, m.schoolName());
		}
		return spacer(sheet, r);
	}

	/**
	 * A thin empty row between two lists: they stay apart without taking a line each in
	 * print.
	 */
	private static int spacer(Sheet sheet, int r) {
		sheet.createRow(r).setHeightInPoints(6);
		return r + 1;
	}

}
