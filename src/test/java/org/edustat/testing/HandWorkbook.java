package org.edustat.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.edustat.core.FileFormat;

/**
 * A school workbook written cell by cell with plain POI, by another route than the demo
 * generator: a small 小学 whose figures pass every error rule, with every header and label
 * passed through a spelling a test chooses, sheets in any order, and extra columns or
 * sheets added. {@link #expected()} gives every figure the pipeline must read from it.
 */
public final class HandWorkbook {

	/** Grid sheets: row label → figures in column order. */
	static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

	static final Map<String, Map<String, long[]>> GRIDS = new LinkedHashMap<>();

	/**
	 * 办学条件 items: label → [value, unit] (unit shown in brackets when a spelling asks for
	 * units).
	 */
	static final Map<String, Object[]> ITEMS = new LinkedHashMap<>();

	static {
		COLUMNS.put("学生", List.of("班数", "在校生数", "其中:女", "其中:随迁子女", "其中:残疾学生", "本期招生", "本期毕业生"));
		COLUMNS.put("教职工", List.of("人数", "其中:女", "研究生学历", "本科学历", "正高级职称", "副高级职称", "本期新招聘"));
		COLUMNS.put("学生健康", List.of("体质测试人数", "合格人数", "优良人数", "视力筛查人数", "近视人数"));
		GRIDS.put("学生", rows("一年级", new long[] { 2, 80, 38, 10, 1, 40, 0 }, "二年级", new long[] { 2, 78, 37, 9, 0, 0, 0 },
				"合计", new long[] { 4, 158, 75, 19, 1, 40, 0 }));
		GRIDS.put("教职工", rows("专任教师", new long[] { 10, 7, 2, 8, 1, 3, 1 }, "行政人员", new long[] { 2, 1, 0, 2, 0, 0, 0 },
				"合计", new long[] { 12, 8, 2, 10, 1, 3, 1 }));
		GRIDS.put("学生健康", rows("一年级", new long[] { 78, 75, 40, 80, 10 }, "二年级", new long[] { 76, 74, 38, 78, 12 }, "合计",
				new long[] { 154, 149, 78, 158, 22 }));
		ITEMS.put("占地面积", new Object[] { 5000, "平方米" });
		ITEMS.put("校舍建筑面积", new Object[] { 3000, "平方米" });
		ITEMS.put("运动场地面积", new Object[] { 1500, "平方米" });
		ITEMS.put("其中:塑胶运动场面积", new Object[] { 1200, "平方米" });
		ITEMS.put("图书", new Object[] { 8000, "册" });
		ITEMS.put("教学用计算机", new Object[] { 50, "台" });
		ITEMS.put("多媒体教室", new Object[] { 8, "间" });
		ITEMS.put("固定资产总值", new Object[] { 500, "万元" });
		ITEMS.put("本期教育经费支出", new Object[] { 120, "万元" });
		ITEMS.put("智慧校园", new Object[] { "是", null });
		ITEMS.put("参加教育共同体", new Object[] { "否", null });
	}

	private final String schoolId;

	private final String name;

	private final String period;

	private BiFunction<String, String, String> spelling = (sheet, header) -> header;

	private List<String> sheetOrder = List.of("基本情况", "学生", "教职工", "办学条件", "学生健康");

	private final Map<String, String> extraColumns = new LinkedHashMap<>();

	private final List<String> extraSheets = new ArrayList<>();

	private int hiddenRows;

	private boolean largeClass;

	private String district = "990102";

	private long scale = 1;

	private boolean notANumber;

	private boolean halfStudent;

	/**
	 * A copy of 学生 with every figure doubled, placed first: its name, and whether hidden
	 * (0), very hidden (1) or visible (2).
	 */
	private String lookAlike;

	private int lookAlikeVisibility;

	public HandWorkbook(String schoolId, String name, String period) {
		this.schoolId = schoolId;
		this.name = name;
		this.period = period;
	}

	/**
	 * How headers and item labels are written: (sheet, canonical name) → the text in the
	 * cell.
	 */
	public HandWorkbook spelling(BiFunction<String, String, String> spelling) {
		this.spelling = spelling;
		return this;
	}

	public HandWorkbook sheetOrder(String... sheets) {
		this.sheetOrder = List.of(sheets);
		return this;
	}

	/**
	 * Adds a column the form does not know at the end of a grid sheet, with the same text
	 * in every row.
	 */
	public HandWorkbook extraColumn(String sheet, String header) {
		extraColumns.put(sheet, header);
		return this;
	}

	/**
	 * Adds a hidden sheet of this many rows, written by POI's streaming writer (memory
	 * stays flat whatever the count).
	 */
	public HandWorkbook hiddenRows(int rows) {
		this.hiddenRows = rows;
		return this;
	}

	/**
	 * 一年级 taught in one class of 80 (the 合计 of classes 3): an S04 warning (超大班额), the
	 * data loaded.
	 */
	public HandWorkbook largeClass() {
		this.largeClass = true;
		return this;
	}

	/** The 行政区划代码 written in 基本情况 (990102 unless told). */
	public HandWorkbook district(String code) {
		this.district = code;
		return this;
	}

	/**
	 * Every figure of the grid sheets multiplied by k: sums and ratios hold, so the rules
	 * pass as before.
	 */
	public HandWorkbook scale(long k) {
		this.scale = k;
		return this;
	}

	/** 学生「一年级」在校生数 written as 80.5: half a student. */
	public HandWorkbook halfStudent() {
		this.halfStudent = true;
		return this;
	}

	/**
	 * 学生「一年级」在校生数 written as 约三十: refused at 学生!C2 (N04), the school and period still
	 * read.
	 */
	public HandWorkbook notANumber() {
		this.notANumber = true;
		return this;
	}

	/**
	 * Puts before every other sheet a copy of 学生 named {@code name} (「学生 」, 「学 生」…) with
	 * every figure doubled: hidden (0), very hidden (1) or visible (2).
	 */
	public HandWorkbook lookAlike(String name, int visibility) {
		this.lookAlike = name;
		this.lookAlikeVisibility = visibility;
		return this;
	}

	public HandWorkbook extraSheet(String name) {
		extraSheets.add(name);
		return this;
	}

	/**
	 * Every figure the pipeline must read: sheet → row → column (办学条件: item → 值) → value.
	 */
	public static Map<String, Map<String, Map<String, BigDecimal>>> expected() {
		Map<String, Map<String, Map<String, BigDecimal>>> expected = new LinkedHashMap<>();
		GRIDS.forEach((sheet, rows) -> rows.forEach((row, values) -> {
			for (int c = 0; c < values.length; c++) {
				expected.computeIfAbsent(sheet, k -> new LinkedHashMap<>())
					.computeIfAbsent(row, k -> new LinkedHashMap<>())
					.put(COLUMNS.get(sheet).get(c), BigDecimal.valueOf(values[c]));
			}
		}));
		ITEMS.forEach((item, value) -> expected.computeIfAbsent("办学条件", k -> new LinkedHashMap<>())
			.put(item.replace("其中:", ""), Map.of("值", value[0] instanceof Integer n ? BigDecimal.valueOf(n)
					: "是".equals(value[0]) ? BigDecimal.ONE : BigDecimal.ZERO)));
		return expected;
	}

	public byte[] bytes(FileFormat format) {
		try (Workbook wb = format == FileFormat.XLS ? new HSSFWorkbook()
				: hiddenRows > 0 ? new SXSSFWorkbook(100) : new XSSFWorkbook()) {
			if (lookAlike != null) {
				long kept = scale;
				scale = 2 * scale;
				grid(wb.createSheet(lookAlike), "学生");
				scale = kept;
				if (lookAlikeVisibility < 2) {
					wb.setSheetVisibility(0,
							lookAlikeVisibility == 0 ? SheetVisibility.HIDDEN : SheetVisibility.VERY_HIDDEN);
				}
			}
			for (String sheet : sheetOrder) {
				switch (sheet) {
					case "基本情况" -> basic(wb.createSheet(sheet));
					case "办学条件" -> items(wb.createSheet(sheet));
					default -> grid(wb.createSheet(sheet), sheet);
				}
			}
			for (String extra : extraSheets) {
				wb.createSheet(extra).createRow(0).createCell(0).setCellValue("说明文字");
			}
			if (hiddenRows > 0) {
				Sheet hidden = wb.createSheet("隐藏数据");
				for (int r = 0; r < hiddenRows; r++) {
					hidden.createRow(r).createCell(0).setCellValue(r);
				}
				wb.setSheetHidden(wb.getSheetIndex(hidden), true);
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			wb.write(out);
			if (wb instanceof SXSSFWorkbook streaming) {
				streaming.dispose();
			}
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void basic(Sheet sheet) {
		String[][] items = { { "学校标识码", schoolId }, { "学校名称", name }, { "行政区划代码", district }, { "办学类型", "小学" },
				{ "举办者", "公办" }, { "城乡分类", "城区" }, { "统计期", period }, { "填报人", "李老师" }, { "联系电话", "13800000000" } };
		for (int r = 0; r < items.length; r++) {
			Row row = sheet.createRow(r);
			row.createCell(0).setCellValue(spelling.apply("基本情况", items[r][0]));
			row.createCell(1).setCellValue(items[r][1]);
		}
	}

	private void items(Sheet sheet) {
		int r = 0;
		for (Map.Entry<String, Object[]> item : ITEMS.entrySet()) {
			Row row = sheet.createRow(r++);
			row.createCell(0).setCellValue(spelling.apply("办学条件", item.getKey()));
			if (item.getValue()[0] instanceof Integer n) {
				row.createCell(1).setCellValue(n);
			}
			else {
				row.createCell(1).setCellValue((String) item.getValue()[0]);
			}
		}
	}

	private void grid(Sheet sheet, String name) {
		List<String> columns = COLUMNS.get(name);
		Row header = sheet.createRow(0);
		header.createCell(0).setCellValue(name.equals("教职工") ? "类别" : "年级");
		for (int c = 0; c < columns.size(); c++) {
			header.createCell(c + 1).setCellValue(spelling.apply(name, columns.get(c)));
		}
		String extra = extraColumns.get(name);
		if (extra != null) {
			header.createCell(columns.size() + 1).setCellValue(extra);
		}
		int r = 1;
		for (Map.Entry<String, long[]> entry : GRIDS.get(name).entrySet()) {
			Row row = sheet.createRow(r++);
			row.createCell(0).setCellValue(entry.getKey());
			for (int c = 0; c < entry.getValue().length; c++) {
				long value = entry.getValue()[c];
				if (largeClass && name.equals("学生") && c == 0) {
					value = entry.getKey().equals("一年级") ? 1 : entry.getKey().equals("合计") ? value - 1 : value;
				}
				if (notANumber && name.equals("学生") && c == 1 && r == 2) {
					row.createCell(c + 1).setCellValue("约三十");
				}
				else if (halfStudent && name.equals("学生") && c == 1 && r == 2) {
					row.createCell(c + 1).setCellValue(value * scale + 0.5);
				}
				else {
					row.createCell(c + 1).setCellValue(value * scale);
				}
			}
			if (extra != null) {
				row.createCell(columns.size() + 1).setCellValue("无");
			}
		}
	}

	private static Map<String, long[]> rows(Object... pairs) {
		Map<String, long[]> rows = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			rows.put((String) pairs[i], (long[]) pairs[i + 1]);
		}
		return rows;
	}

	/** The unit of a column or item, for spellings that add one. */
	public static String unitOf(String sheet, String canonical) {
		if (sheet.equals("办学条件")) {
			Object[] item = ITEMS.get(canonical);
			return item == null || item[1] == null ? null : (String) item[1];
		}
		return canonical.equals("班数") ? "个" : sheet.equals("基本情况") ? null : "人";
	}

}
