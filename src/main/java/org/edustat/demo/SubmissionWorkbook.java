package org.edustat.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.edustat.core.FileFormat;
import org.edustat.core.Period;
import org.edustat.core.SchoolProfile;
import org.edustat.form.Field;
import org.edustat.form.FieldType;
import org.edustat.form.Form;
import org.edustat.form.SheetForm;

/** Writes a school's submission workbook, clean or with any of the {@link Mess messy variants} of the contract. */
public final class SubmissionWorkbook {

	private final SchoolProfile school;

	private final Period period;

	private final Figures figures;

	private final Set<Mess> mess = EnumSet.noneOf(Mess.class);

	private final Map<String, Object> basicOverrides = new LinkedHashMap<>();

	private final List<Consumer<Workbook>> tampering = new ArrayList<>();

	private FileFormat format = FileFormat.XLSX;

	private Workbook workbook;

	private final Form form;

	private SubmissionWorkbook(SchoolProfile school, Period period, Figures figures, Form form) {
		this.school = school;
		this.period = period;
		this.figures = figures;
		this.form = form;
	}

	/** A school's workbook in the shape of the project's form (jobs/form.yaml). */
	public static SubmissionWorkbook of(DemoSchool school, Period period, Figures figures) {
		return of(school, period, figures, DemoForm.standard());
	}

	/** A school's workbook in the shape of the given form. */
	public static SubmissionWorkbook of(DemoSchool school, Period period, Figures figures, Form form) {
		return new SubmissionWorkbook(school.profile(), period, figures, form);
	}

	public SubmissionWorkbook mess(Mess... variants) {
		mess.addAll(List.of(variants));
		return this;
	}

	public SubmissionWorkbook mess(Set<Mess> variants) {
		mess.addAll(variants);
		return this;
	}

	public SubmissionWorkbook format(FileFormat format) {
		this.format = format;
		return this;
	}

	/** Writes another value into an item of 基本情况 (null leaves it blank, a missing row with {@link #dropBasic}). */
	public SubmissionWorkbook basic(String item, Object value) {
		basicOverrides.put(item, value);
		return this;
	}

	/** Changes the workbook after it is written, e.g. to remove a sheet or put a wrong number into a cell. */
	public SubmissionWorkbook tamper(Consumer<Workbook> change) {
		tampering.add(change);
		return this;
	}

	public byte[] bytes() {
		try (Workbook wb = format == FileFormat.XLSX ? new XSSFWorkbook() : new HSSFWorkbook()) {
			workbook = wb;
			if (mess.contains(Mess.EXTRA_SHEETS)) {
				Sheet notes = wb.createSheet("填报说明");
				notes.createRow(0).createCell(0).setCellValue("请按统计口径如实填报,合计行应等于各年级之和。");
			}
			for (SheetForm sheet : form.sheets()) {
				Sheet written = wb.createSheet(name(sheet.name()));
				if (sheet.name().equals(Form.BASIC)) {
					basicSheet(written);
				}
				else if (sheet.grid()) {
					gridSheet(written, sheet);
				}
				else {
					itemsSheet(written, sheet);
				}
			}
			if (mess.contains(Mess.EXTRA_SHEETS)) {
				Sheet cover = wb.createSheet("封面");
				cover.createRow(0).createCell(0).setCellValue(school.name() + " 统计报表");
				wb.setSheetHidden(wb.getSheetIndex(cover), true);
			}
			if (mess.contains(Mess.FORMULAS)) {
				wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
			}
			tampering.forEach(change -> change.accept(wb));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** How the demo spells sheet names in the sheet-name variant; other sheets get a trailing 表. */
	private static final Map<String, String> SHEET_NAME_VARIANTS = Map.of("基本情况", "基本情况表", "学生", "学生情况 ",
			"教职工", "教职工统计表", "办学条件", "办学条件", "学生健康", "学生健康情况");

	private String name(String plain) {
		return mess.contains(Mess.SHEET_NAME_VARIANTS) ? SHEET_NAME_VARIANTS.getOrDefault(plain, plain + "表") : plain;
	}

	private int titleRows(Sheet sheet, String what) {
		if (!mess.contains(Mess.TITLE_ROWS)) {
			return 0;
		}
		sheet.createRow(0).createCell(1).setCellValue(school.name() + period.label() + what + "统计表");
		sheet.createRow(1).createCell(1).setCellValue("填报说明:本表数据截至" + (period.halfYear() ? "6月30日" : "12月31日") + "。");
		return 3;
	}

	private int firstColumn() {
		return mess.contains(Mess.TITLE_ROWS) ? 1 : 0;
	}

	private void basicSheet(Sheet sheet) {
		int r = titleRows(sheet, "基本情况");
		int c = firstColumn();
		row(sheet, r++, c, "项目", "内容");
		Map<String, Object> items = new LinkedHashMap<>();
		items.put("学校标识码", mess.contains(Mess.TEXT_NUMBERS) ? (Object) Double.valueOf(school.id().value())
				: mess.contains(Mess.HEADER_ALIASES) ? fullWidth(school.id().value()) + " " : school.id().value());
		items.put("学校名称", school.name());
		items.put("行政区划代码", school.district().value());
		items.put("办学类型", school.type().label());
		items.put("举办者", school.sponsor().label());
		items.put("城乡分类", school.urbanRural().label());
		items.put("统计期", periodValue());
		items.put("填报人", "王老师");
		items.put("联系电话", "13900001234");
		items.putAll(basicOverrides);
		items.forEach((item, value) -> {
			if (value != Dropped.ROW) {
				row(sheet, sheet.getLastRowNum() + 1, c, item, value);
			}
		});
	}

	/** Marks an item of 基本情况 to be left out entirely. */
	public enum Dropped {
		ROW
	}

	private Object periodValue() {
		if (mess.contains(Mess.FORMULAS)) {
			return period.halfYear() ? LocalDate.of(period.year(), 6, 30) : LocalDate.of(period.year(), 12, 31);
		}
		if (mess.contains(Mess.PERIOD_AS_TEXT)) {
			return period.halfYear() ? period.year() + "年上半年" : period.year() + "年度";
		}
		return period.code();
	}

	/**
	 * A rows × columns sheet as the form has it: its columns in the form's order (those the demo has no figures for
	 * left out, or written as 0 where the form requires them), the rows the school has, then 合计.
	 */
	private void gridSheet(Sheet sheet, SheetForm form) {
		List<Field> columns = form.columns().stream()
			.filter(c -> c.required() || form.rows().stream().anyMatch(r -> figures.value(form.name(), r.name(), c.name()) != null))
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
		List<String> headers = mess.contains(Mess.HEADER_ALIASES) ? names.stream().map(n -> spellings.getOrDefault(n, n)).toList()
				: names;
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

	/** How the demo's messy workbooks spell some headers (the contract's variants); other headers keep their names. */
	private static final Map<String, Map<String, String>> MESSY_HEADERS = Map.of(
			"学生", Map.of("班数", " 班 数 ", "在校生数", "在校学生数（人）", "其中:女", "女生", "其中:随迁子女", "其中:随迁\n子女",
					"本期招生", "本期\n招生", "本期毕业生", "本期毕业生(人)"),
			"教职工", Map.of("人数", "人 数", "其中:女", "女", "研究生学历", "研究生\n学历", "本科学历", "本科", "正高级职称", "正高级",
					"本期新招聘", "新招聘"));

	/** The demo's two-row headers: a title over the sub-headers of some columns, by column name. */
	private static final Map<String, List<Group>> GROUPS = Map.of(
			"教职工", List.of(new Group("其中", "其中:女", "其中:女", List.of("女")),
					new Group("学历", "研究生学历", "本科学历", List.of("研究生", "本科")),
					new Group("职称", "正高级职称", "副高级职称", List.of("正高级", "副高级"))),
			"学生健康", List.of(new Group("体质健康", "体质测试人数", "优良人数", List.of("测试人数", "合格人数", "优良人数")),
					new Group("视力", "视力筛查人数", "近视人数", List.of("筛查人数", "近视人数"))));

	/** The groups of a sheet's columns as positions: the demo's own, or every run of 其中: columns under 其中. */
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

	/** A header over columns first..last of the data, for the two-row merged header variant. */
	private record Span(String title, int first, int last, List<String> children) {
	}

	private void grid(Sheet sheet, String what, String labelHeader, List<String> headers, Map<String, long[]> rows,
			long[] total, List<Span> groups) {
		int r = titleRows(sheet, what);
		int c0 = firstColumn();
		int width = headers.size();
		int[] order = new int[width];
		for (int i = 0; i < width; i++) {
			order[i] = mess.contains(Mess.HEADER_ALIASES) && !mess.contains(Mess.MERGED_HEADER) ? width - 1 - i : i;
		}
		if (mess.contains(Mess.MERGED_HEADER)) {
			Row top = sheet.createRow(r);
			Row sub = sheet.createRow(r + 1);
			top.createCell(c0).setCellValue(labelHeader);
			sheet.addMergedRegion(new CellRangeAddress(r, r + 1, c0, c0));
			for (int i = 0; i < width; i++) {
				int column = c0 + 1 + i;
				int data = order[i];
				Span group = groups.stream().filter(g -> g.first() <= data && data <= g.last()).findFirst().orElse(null);
				if (group == null) {
					top.createCell(column).setCellValue(headers.get(order[i]));
					sheet.addMergedRegion(new CellRangeAddress(r, r + 1, column, column));
				}
				else {
					if (order[i] == group.first()) {
						top.createCell(column).setCellValue(group.title());
						if (group.last() > group.first()) {
							sheet.addMergedRegion(new CellRangeAddress(r, r, column, column + group.last() - group.first()));
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
		int firstData = r + (mess.contains(Mess.TOTAL_FIRST) ? 1 : 0);
		int lastData = firstData + rows.size() - 1;
		if (mess.contains(Mess.TOTAL_FIRST)) {
			totalRow(sheet, r++, c0, order, total, firstData, lastData);
		}
		for (Map.Entry<String, long[]> entry : rows.entrySet()) {
			Row row = sheet.createRow(r++);
			row.createCell(c0).setCellValue(entry.getKey());
			for (int i = 0; i < width; i++) {
				number(row, c0 + 1 + i, entry.getValue()[order[i]]);
			}
		}
		if (mess.contains(Mess.TITLE_ROWS)) {
			r++;
		}
		if (!mess.contains(Mess.TOTAL_FIRST)) {
			totalRow(sheet, r, c0, order, total, firstData, lastData);
		}
	}

	private void totalRow(Sheet sheet, int r, int c0, int[] order, long[] total, int firstData, int lastData) {
		Row row = sheet.createRow(r);
		row.createCell(c0).setCellValue("合计");
		for (int i = 0; i < order.length; i++) {
			int column = c0 + 1 + i;
			if (mess.contains(Mess.FORMULAS)) {
				String letters = CellReference.convertNumToColString(column);
				row.createCell(column).setCellFormula("SUM(" + letters + (firstData + 1) + ":" + letters + (lastData + 1) + ")");
			}
			else {
				number(row, column, total[order[i]]);
			}
		}
	}

	private void number(Row row, int column, long value) {
		if (!mess.contains(Mess.TEXT_NUMBERS)) {
			row.createCell(column).setCellValue(value);
			return;
		}
		if (value == 0) {
			return;
		}
		String text = switch (column % 4) {
			case 0 -> String.format("%,d", value);
			case 1 -> fullWidth(Long.toString(value));
			case 2 -> value + "人";
			default -> " " + value + " ";
		};
		row.createCell(column).setCellValue(text);
	}

	/**
	 * A key–value sheet other than 基本情况 as the form has it: each item with its unit in brackets, the demo's figure
	 * (an item the demo has no figure for left out, or 0 where the form requires it), spelled as the messy variants ask.
	 */
	private void itemsSheet(Sheet sheet, SheetForm form) {
		int r = titleRows(sheet, form.name());
		int c = firstColumn();
		row(sheet, r, c, "项目", "内容");
		for (Field item : form.items()) {
			Double figure = figures.value(form.name(), item.name(), "值");
			if (figure == null && !item.required()) {
				continue;
			}
			double value = figure == null ? 0 : figure;
			String unit = item.unit().isEmpty() || item.type() == FieldType.YESNO ? "" : "(" + item.unit() + ")";
			String label = (QI_ZHONG_ITEMS.contains(item.name()) ? "其中:" : "") + item.name() + unit;
			Object written = value;
			boolean money = item.type() == FieldType.MONEY && item.convert().containsKey("元");
			if (item.type() == FieldType.YESNO) {
				written = mess.contains(Mess.FORMULAS) && item.name().equals("智慧校园") ? (Object) (value > 0) : value > 0 ? "是" : "否";
			}
			else if (money && mess.contains(Mess.MONEY_IN_YUAN)) {
				label = item.name() + "(元)";
				written = (double) Math.round(value * 10_000);
			}
			else if (money && mess.contains(Mess.TEXT_NUMBERS)) {
				written = trim(value) + item.unit();
			}
			else if (item.name().equals("图书") && mess.contains(Mess.TEXT_NUMBERS) && value % 1000 == 0) {
				written = trim(value / 10_000) + "万";
			}
			else if (mess.contains(Mess.TEXT_NUMBERS)) {
				written = String.format("%,d", (long) value) + unit.replaceAll("[()]", "");
			}
			row(sheet, sheet.getLastRowNum() + 1, c, label, written);
		}
	}

	/** Items the demo writes with a leading 其中: (a part of the item above). */
	private static final Set<String> QI_ZHONG_ITEMS = Set.of("塑胶运动场面积");

	private void row(Sheet sheet, int r, int c, String label, Object value) {
		Row row = sheet.createRow(r);
		row.createCell(c).setCellValue(label);
		if (value == null) {
			return;
		}
		Cell cell = row.createCell(c + 1);
		if (value instanceof Double d) {
			cell.setCellValue(d);
		}
		else if (value instanceof Long l) {
			cell.setCellValue(l);
		}
		else if (value instanceof Boolean b) {
			cell.setCellValue(b);
		}
		else if (value instanceof LocalDate date) {
			cell.setCellValue(date);
			CellStyle style = workbook.createCellStyle();
			style.setDataFormat(workbook.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
			cell.setCellStyle(style);
		}
		else {
			cell.setCellValue(value.toString());
		}
	}

	private static String trim(double value) {
		return value == Math.rint(value) ? Long.toString((long) value) : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

	static String fullWidth(String digits) {
		StringBuilder out = new StringBuilder();
		for (char ch : digits.toCharArray()) {
			out.append(ch >= '0' && ch <= '9' ? (char) ('０' + (ch - '0')) : ch);
		}
		return out.toString();
	}
}
