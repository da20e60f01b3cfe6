package org.edustat.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.edustat.core.District;

/** Writes the bureau's reference workbooks: 区县, 学校名录 and 年度目标. */
public final class ReferenceWorkbooks {

	private ReferenceWorkbooks() {
	}

	public static byte[] districts(List<District> districts) {
		return write("区县", List.of("行政区划代码", "名称", "上级代码"),
				districts.stream()
					.map(d -> List.<Object>of(d.code().value(), d.name(), d.parent() == null ? "" : d.parent().value()))
					.toList());
	}

	/**
	 * The registry: every school in state 正常, plus any extra rows given (e.g. a school
	 * that closed).
	 */
	public static byte[] registry(List<DemoSchool> schools, List<List<Object>> extra) {
		List<List<Object>> rows = new ArrayList<>(schools.stream()
			.map(s -> List.<Object>of(s.profile().id().value(), s.profile().name(), s.profile().district().value(),
					s.profile().type().label(), s.profile().sponsor().label(), s.profile().urbanRural().label(), "正常",
					officePhone(s)))
			.toList());
		rows.addAll(extra);
		return write("学校名录", List.of("学校标识码", "学校名称", "行政区划代码", "办学类型", "举办者", "城乡分类", "状态", "学校电话"), rows);
	}

	/**
	 * The school's office telephone in the demo's 学校名录: the city's area code and the last
	 * six digits of its 标识码.
	 */
	public static String officePhone(DemoSchool school) {
		String id = school.profile().id().value();
		return "0990-6" + id.substring(id.length() - 6);
	}

	/** Targets as rows of 年度, 行政区划代码, 指标代码, 目标值. */
	public static byte[] targets(List<List<Object>> rows) {
		return write("年度目标", List.of("年度", "行政区划代码", "指标代码", "目标值"), rows);
	}

	/** Published totals of earlier years (历年数据) as rows of 年度, 行政区划代码, 指标代码, 值. */
	public static byte[] published(List<List<Object>> rows) {
		return write("历年数据", List.of("年度", "行政区划代码", "指标代码", "值"), rows);
	}

	private static byte[] write(String sheetName, List<String> header, List<List<Object>> rows) {
		try (Workbook wb = new XSSFWorkbook()) {
			Sheet sheet = wb.createSheet(sheetName);
			Row head = sheet.createRow(0);
			for (int c = 0; c < header.size(); c++) {
				head.createCell(c).setCellValue(header.get(c));
			}
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r + 1);
				List<Object> values = rows.get(r);
				for (int c = 0; c < values.size(); c++) {
					if (values.get(c) instanceof Number n) {
						row.createCell(c).setCellValue(n.doubleValue());
					}
					else {
						row.createCell(c).setCellValue(String.valueOf(values.get(c)));
					}
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
