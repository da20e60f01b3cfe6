package org.edustat.reports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.edustat.indicators.Comparison;
import org.edustat.indicators.Indicator;

/**
 * 区县对比: every 区县 side by side — a 区县 a row, the city total last — on every indicator,
 * each key indicator's rank beside it and, at year-end, the second half of flows. The
 * columns come in blocks stacked down the sheet, each as wide as one A4 page across (区县代码
 * and 名称 repeated in every block), so that a 区县's row is read on one page, not continued
 * on the next page's columns.
 */
final class DistrictsSheet {

	/**
	 * The character widths of one block: the two label columns and the figures beside
	 * them, one page across at 80 %.
	 */
	static final int BLOCK_CHARACTERS = 130;

	static final int LABELS = 22;

	static final int FIGURE = 12;

	private DistrictsSheet() {
	}

	/**
	 * One column of figures: its header, its indicator and each row's figure with its
	 * decimals.
	 */
	private record Column(String header, String code, Function<Comparison.Row, BigDecimal> value, int decimals) {
	}

	static void write(Sheet sheet, ReportData data, ReportCells cells) {
		List<Indicator> indicators = data.rows().stream().map(Comparison.Row::indicator).distinct().toList();
		List<Column> columns = new ArrayList<>();
		for (Indicator i : indicators) {
			columns.add(new Column(i.name() + "(" + i.unit() + ")", i.code(), Comparison.Row::current, i.decimals()));
			if (i.key() && !i.countsSchools()) {
				columns.add(new Column(i.name() + "位次", i.code(),
						r -> r.rank() == null ? null : BigDecimal.valueOf(r.rank()), 0));
			}
			if (data.yearEnd() && i.flow() && i.denominator() == null) {
				columns.add(new Column(i.name() + "下半年(" + i.unit() + ")", i.code(), Comparison.Row::secondHalf,
						i.decimals()));
			}
		}
		Map<String, Comparison.Row> byKey = new HashMap<>();
		data.rows()
			.stream()
			.filter(r -> r.group().isEmpty())
			.forEach(r -> byKey.put(r.area() + "|" + r.indicator().code(), r));
		int perBlock = (BLOCK_CHARACTERS - LABELS) / FIGURE;
		int r = 0;
		for (int from = 0; from < columns.size(); from += perBlock) {
			List<Column> block = columns.subList(from, Math.min(columns.size(), from + perBlock));
			Row header = sheet.createRow(r++);
			header.setHeightInPoints(45);
			ReportCells.text(header, 0, "区县代码");
			ReportCells.text(header, 1, "区县名称");
			for (int c = 0; c < block.size(); c++) {
				ReportCells.text(header, c + 2, block.get(c).header());
			}
			for (int h = 0; h < block.size() + 2; h++) {
				header.getCell(h).setCellStyle(cells.style("header-wrap"));
			}
			for (Comparison.Area area : data.areas()) {
				Row out = sheet.createRow(r++);
				ReportCells.text(out, 0, area.code());
				ReportCells.text(out, 1, area.city() ? "全市合计" : area.name());
				for (int c = 0; c < block.size(); c++) {
					Column column = block.get(c);
					Comparison.Row row = byKey.get(area.code() + "|" + column.code());
					cells.number(out, c + 2, row == null ? null : column.value().apply(row), column.decimals());
				}
			}
			r++;
		}
		sheet.setColumnWidth(0, 9 * 256);
		sheet.setColumnWidth(1, (LABELS - 9) * 256);
		for (int w = 2; w < perBlock + 2; w++) {
			sheet.setColumnWidth(w, FIGURE * 256);
		}
		ReportCells.fitPrint(sheet, perBlock + 2);
	}

}
