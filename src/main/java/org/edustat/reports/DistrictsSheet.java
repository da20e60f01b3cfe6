package org.edustat.reports;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.edustat.indicators.Comparison;
import org.edustat.indicators.Indicator;

/** 区县对比: every 区县 side by side on the key indicators, with ranks. */
final class DistrictsSheet {

	private DistrictsSheet() {
	}

	static void write(Sheet sheet, ReportData data, ReportCells cells) {
		List<Indicator> indicators = data.rows().stream().map(Comparison.Row::indicator).distinct().toList();
		List<Indicator> keys = indicators.stream().filter(Indicator::key).toList();
		Row header = sheet.createRow(0);
		ReportCells.text(header, 0, "区县代码");
		ReportCells.text(header, 1, "区县名称");
		int c = 2;
		for (Indicator i : indicators) {
			ReportCells.text(header, c++, i.name() + "(" + i.unit() + ")");
		}
		for (Indicator i : keys) {
			ReportCells.text(header, c++, i.name() + "位次");
		}
		List<Indicator> flows = data.yearEnd() ? indicators.stream().filter(i -> i.flow() && i.denominator() == null).toList()
				: List.of();
		for (Indicator i : flows) {
			ReportCells.text(header, c++, i.name() + "下半年(" + i.unit() + ")");
		}
		for (int h = 0; h < c; h++) {
			header.getCell(h).setCellStyle(cells.style("header"));
		}
		Map<String, Comparison.Row> byKey = new HashMap<>();
		data.rows().stream().filter(r -> r.group().isEmpty()).forEach(r -> byKey.put(r.area() + "|" + r.indicator().code(), r));
		int r = 1;
		for (Comparison.Area area : data.areas()) {
			Row out = sheet.createRow(r++);
			ReportCells.text(out, 0, area.code());
			ReportCells.text(out, 1, area.city() ? "全市合计" : area.name());
			int col = 2;
			for (Indicator i : indicators) {
				Comparison.Row row = byKey.get(area.code() + "|" + i.code());
				cells.number(out, col++, row == null ? null : row.current(), i.decimals());
			}
			for (Indicator i : keys) {
				Comparison.Row row = byKey.get(area.code() + "|" + i.code());
				if (row != null && row.rank() != null) {
					out.createCell(col).setCellValue(row.rank());
				}
				col++;
			}
			for (Indicator i : flows) {
				Comparison.Row row = byKey.get(area.code() + "|" + i.code());
				cells.number(out, col++, row == null ? null : row.secondHalf(), i.decimals());
			}
		}
		sheet.setColumnWidth(0, 10 * 256);
		sheet.setColumnWidth(1, 12 * 256);
		for (int w = 2; w < c; w++) {
			sheet.setColumnWidth(w, Math.max(10, Math.min(22, header.getCell(w).getStringCellValue().length() * 2 + 2)) * 256);
		}
		sheet.createFreezePane(2, 1);
		sheet.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
		sheet.setRepeatingColumns(CellRangeAddress.valueOf("A:B"));
		ReportCells.fitPrint(sheet, c);
	}
}
