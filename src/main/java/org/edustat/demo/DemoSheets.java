package org.edustat.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.edustat.core.Period;
import org.edustat.core.SchoolProfile;
import org.edustat.form.Field;
import org.edustat.form.FieldType;
import org.edustat.form.SheetForm;

/**
 * Writes the demo's 基本情况 and item sheets, and the cells every sheet shares, spelled as
 * the messy variants ask.
 */
final class DemoSheets {

	private final SchoolProfile school;

	private final Period period;

	private final Figures figures;

	private final Set<Mess> mess;

	private final Map<String, Object> basicOverrides;

	private final Workbook workbook;

	DemoSheets(SchoolProfile school, Period period, Figures figures, Set<Mess> mess, Map<String, Object> basicOverrides,
			Workbook workbook) {
		this.school = school;
		this.period = period;
		this.figures = figures;
		this.mess = mess;
		this.basicOverrides = basicOverrides;
		this.workbook = workbook;
	}

	Set<Mess> mess() {
		return mess;
	}

	int titleRows(Sheet sheet, String what) {
		if (!mess.contains(Mess.TITLE_ROWS)) {
			return 0;
		}
		sheet.createRow(0).createCell(1).setCellValue(school.name() + period.label() + what + "统计表");
		sheet.createRow(1).createCell(1).setCellValue("填报说明:本表数据截至" + (period.halfYear() ? "6月30日" : "12月31日") + "。");
		return 3;
	}

	int firstColumn() {
		return mess.contains(Mess.TITLE_ROWS) ? 1 : 0;
	}

	void basicSheet(Sheet sheet) {
		int r = titleRows(sheet, "基本情况");
		int c = firstColumn();
		row(sheet, r++, c, "项目", "内容");
		Map<String, Object> items = new LinkedHashMap<>();
		items.put("学校标识码",
				mess.contains(Mess.TEXT_NUMBERS) ? (Object) Double.valueOf(school.id().value())
						: mess.contains(Mess.HEADER_ALIASES) ? SubmissionWorkbook.fullWidth(school.id().value()) + " "
								: school.id().value());
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
			if (value != SubmissionWorkbook.Dropped.ROW) {
				row(sheet, sheet.getLastRowNum() + 1, c, item, value);
			}
		});
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
	 * A key–value sheet other than 基本情况 as the form has it: each item with its unit in
	 * brackets, the demo's figure (an item the demo has no figure for left out, or 0
	 * where the form requires it), spelled as the messy variants ask.
	 */
	void itemsSheet(Sheet sheet, SheetForm form) {
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
				written = mess.contains(Mess.FORMULAS) && item.name().equals("智慧校园") ? (Object) (value > 0)
						: value > 0 ? "是" : "否";
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

	void row(Sheet sheet, int r, int c, String label, Object value) {
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
		return value == Math.rint(value) ? Long.toString((long) value)
				: BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

	void number(Row row, int column, long value) {
		if (!mess.contains(Mess.TEXT_NUMBERS)) {
			row.createCell(column).setCellValue(value);
			return;
		}
		if (value == 0) {
			return;
		}
		String text = switch (column % 4) {
			case 0 -> String.format("%,d", value);
			case 1 -> SubmissionWorkbook.fullWidth(Long.toString(value));
			case 2 -> value + "人";
			default -> " " + value + " ";
		};
		row.createCell(column).setCellValue(text);
	}

}
