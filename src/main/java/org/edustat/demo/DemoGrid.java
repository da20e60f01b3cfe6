package org.edustat.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.edustat.form.Field;
import org.edustat.form.SheetForm;

/**
 * Writes the demo's rows × columns sheets: headers (one row, or two with merged titles),
 * rows, 合计 (figures or SUM).
 */
final class DemoGrid {

	private final Figures figures;

	private final DemoSheets cells;

	DemoGrid(Figures figures, DemoSheets cells) {
		this.figures = figures;
		this.cells = cells;
	}

	/**
	 * A rows × columns sheet as the form has it: its columns in the form's order (those
	 * the demo has no figures for left out, or written as 0 where the form requires
	 * them), the rows the school has, then 合计.
	 */
	void gridSheet(Sheet sheet, SheetForm form) {
		List<Field> columns = form.columns()
			.stream()
			.filter(c -> c.required()
					|| form.rows().stream().anyMatch(r -> figures.value(form.name(), r.name(), c.name()) != null))
			.toList();
		String total = form.totalRow().map(Field::name).orElse("合计");
		Map<String, long[]> rows = new LinkedHashMap<>();
		for (Field row : form.rows()) {
			if (!row.total() && figures.value(form.name(), row.name(), columns.get(0).name()) != null) {
				rows.put(row.name(), values(form.name(), row.name(), columns));
			}
		}
		List<String> names = columns.stream().map(Field::name).toList();
		Map<String, String> spellings = MESSY_HEADERS.getOrDefault(form.name(), Map.of());
		List<String> headers = cells.mess().contains(Mess.HEADER_ALIASES)
				? names.stream().map(n -> spellings.getOrDefault(n, n)).toList() : names;
		boolean grades = form.rows().stream().anyMatch(r -> r.stage() != null);
		grid(sheet, form.name(), grades ? "年级" : "类别", headers, rows, values(form.name(), total, columns),
				groups(form.name(), names));
	}

	private long[] values(String sheet, String row, List<Field> columns) {
		long[] values = new long[columns.size()];
		for (int c = 0; c < values.length; c++) {
			Double value = figures.value(sheet, row, columns.get(c).name());
			values[c] = value == null ? 0 : Math.round(value);
		}
		return values;
	}

	/**
	 * How the demo's messy workbooks spell some headers (the contract's variants); other
	 * headers keep their names.
	 */
	private static final Map<String, Map<String, String>> MESSY_HEADERS = Map.of("学生",
			Map.of("班数", " 班 数 ", "在校生数", "在校学生数（人）", "其中:女", "女生", "其中:随迁子女", "其中:随迁\n子女", "本期招生", "本期\n招生", "本期毕业生",
					"本期毕业生(人)"),
			"教职工", Map.of("人数", "人 数", "其中:女", "女", "研究生学历", "研究生\n学历", "本科学历", "本科", "正高级职称", "正高级", "本期新招聘", "新招聘"));

	/**
	 * The demo's two-row headers: a title over the sub-headers of some columns, by column
	 * name.
	 */
	private static final Map<String, List<Group>> GROUPS = Map.of("教职工",
			List.of(new Group("其中", "其中:女", "其中:女", List.of("女")),
					new Group("学历", "研究生学历", "本科学历", List.of("研究生", "本科")),
					new Group("职称", "正高级职称", "副高级职称", List.of("正高级", "副高级"))),
			"学生健康", List.of(new Group("体质健康", "体质测试人数", "优良人数", List.of("测试人数", "合格人数", "优良人数")),
					new Group("视力", "视力筛查人数", "近视人数", List.of("筛查人数", "近视人数"))));

	/**
	 * The groups of a sheet's columns as positions: the demo's own, or every run of 其中:
	 * columns under 其中.
	 */
	private static List<Span> groups(String sheet, List<String> columns) {
		List<Span> spans = new ArrayList<>();
		for (Group group : GROUPS.getOrDefault(sheet, List.of())) {
			int first = columns.indexOf(group.first());
			int last = columns.indexOf(group.last());
			if (first >= 0 && last - first + 1 == group.children().size()) {
				spans.add(new Span(group.title(), first, last, group.children()));
			}
		}
		if (GROUPS.containsKey(sheet)) {
			return spans;
		}
		for (int c = 0; c < columns.size(); c++) {
			if (!columns.get(c).startsWith("其中:")) {
				continue;
			}
			int first = c;
			List<String> children = new ArrayList<>();
			while (c < columns.size() && columns.get(c).startsWith("其中:")) {
				children.add(columns.get(c++).substring(3));
			}
			spans.add(new Span("其中", first, c - 1, children));
		}
		return spans;
	}

	/** A title over named columns, as the demo writes it. */
	private record Group(String title, String first, String last, List<String> children) {
	}

	/**
	 * A header over columns first..last of the data, for the two-row merged header
	 * variant.
	 */
	private record Span(String title, int first, int last, List<String> children) {
	}

	private void grid(Sheet sheet, String what, String labelHeader, List<String> headers, Map<String, long[]> rows,
			long[] total, List<Span> groups) {
		int r = cells.titleRows(sheet, what);
		int c0 = cells.firstColumn();
		int width = headers.size();
		int[] order = new int[width];
		for (int i = 0; i < width; i++) {
			order[i] = cells.mess().contains(Mess.HEADER_ALIASES) && !cells.mess().contains(Mess.MERGED_HEADER)
					? width - 1 - i : i;
		}
		if (cells.mess().contains(Mess.MERGED_HEADER)) {
			Row top = sheet.createRow(r);
			Row sub = sheet.createRow(r + 1);
			top.createCell(c0).setCellValue(labelHeader);
			sheet.addMergedRegion(new CellRangeAddress(r, r + 1, c0, c0));
			for (int i = 0; i < width; i++) {
				int column = c0 + 1 + i;
				int data = order[i];
				Span group = groups.stream()
					.filter(g -> g.first() <= data && data <= g.last())
					.findFirst()
					.orElse(null);
				if (group == null) {
					top.createCell(column).setCellValue(headers.get(order[i]));
					sheet.addMergedRegion(new CellRangeAddress(r, r + 1, column, column));
				}
				else {
					if (order[i] == group.first()) {
						top.createCell(column).setCellValue(group.title());
						if (group.last() > group.first()) {
							sheet.addMergedRegion(
									new CellRangeAddress(r, r, column, column + group.last() - group.first()));
						}
					}
					sub.createCell(column).setCellValue(group.children().get(order[i] - group.first()));
				}
			}
			r += 2;
		}
		else {
			Row header = sheet.createRow(r++);
			header.createCell(c0).setCellValue(labelHeader);
			for (int i = 0; i < width; i++) {
				header.createCell(c0 + 1 + i).setCellValue(headers.get(order[i]));
			}
		}
		int firstData = r + (cells.mess().contains(Mess.TOTAL_FIRST) ? 1 : 0);
		int lastData = firstData + rows.size() - 1;
		if (cells.mess().contains(Mess.TOTAL_FIRST)) {
			totalRow(sheet, r++, c0, order, total, firstData, lastData);
		}
		for (Map.Entry<String, long[]> entry : rows.entrySet()) {
			Row row = sheet.createRow(r++);
			row.createCell(c0).setCellValue(entry.getKey());
			for (int i = 0; i < width; i++) {
				cells.number(row, c0 + 1 + i, entry.getValue()[order[i]]);
			}
		}
		if (cells.mess().contains(Mess.TITLE_ROWS)) {
			r++;
		}
		if (!cells.mess().contains(Mess.TOTAL_FIRST)) {
			totalRow(sheet, r, c0, order, total, firstData, lastData);
		}
	}

	private void totalRow(Sheet sheet, int r, int c0, int[] order, long[] total, int firstData, int lastData) {
		Row row = sheet.createRow(r);
		row.createCell(c0).setCellValue("合计");
		for (int i = 0; i < order.length; i++) {
			int column = c0 + 1 + i;
			if (cells.mess().contains(Mess.FORMULAS)) {
				String letters = CellReference.convertNumToColString(column);
				row.createCell(column)
					.setCellFormula("SUM(" + letters + (firstData + 1) + ":" + letters + (lastData + 1) + ")");
			}
			else {
				cells.number(row, column, total[order[i]]);
			}
		}
	}

}
