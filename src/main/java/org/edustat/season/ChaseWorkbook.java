package org.edustat.season;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The 催报 list as a workbook: school, 区县, the school's telephone from 学校名录, what is
 * missing or to fix and why.
 */
final class ChaseWorkbook {

	private ChaseWorkbook() {
	}

	static byte[] write(String title, List<Deadlines.Chase> lines) {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = wb.createSheet("催报");
			sheet.createRow(0).createCell(0).setCellValue(title);
			String[] header = { "区县", "学校标识码", "学校名称", "学校电话（学校名录）", "待办", "原因" };
			Row head = sheet.createRow(2);
			for (int c = 0; c < header.length; c++) {
				head.createCell(c).setCellValue(header[c]);
			}
			int r = 3;
			for (Deadlines.Chase line : lines) {
				Row row = sheet.createRow(r++);
				String[] values = { line.district(), line.schoolId(), line.schoolName(),
						line.contact() == null ? "" : line.contact(), line.what(),
						line.reason() == null ? "" : line.reason() };
				for (int c = 0; c < values.length; c++) {
					row.createCell(c).setCellValue(values[c]);
				}
			}
			int[] widths = { 9, 13, 30, 16, 30, 40 };
			for (int c = 0; c < widths.length; c++) {
				sheet.setColumnWidth(c, widths[c] * 256);
			}
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
