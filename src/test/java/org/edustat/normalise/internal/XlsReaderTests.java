package org.edustat.normalise.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.edustat.core.FileFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The .xls reader over the workbook's records: the wanted sheets only, in tab order with
 * their visibility, each kind of cell as the .xlsx reader gives it, and dates in the
 * workbook's own date system — Excel for the Mac wrote 1904.
 */
class XlsReaderTests {

	@TempDir
	Path dir;

	private final WorkbookReader reader = new WorkbookReader();

	@Test
	void readsTheWantedSheetsEachCellAndDatesInTheWorkbooksOwnDateSystem() throws IOException {
		byte[] bytes;
		try (HSSFWorkbook wb = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle date = wb.createCellStyle();
			date.setDataFormat((short) 14);
			Sheet extra = wb.createSheet("附表");
			extra.createRow(0).createCell(0).setCellValue("不读");
			Sheet students = wb.createSheet("学生");
			Row row = students.createRow(2);
			row.createCell(0).setCellValue("一年级");
			row.createCell(1).setCellValue(1234.5);
			row.createCell(2).setCellValue(43_645);
			row.getCell(2).setCellStyle(date);
			row.createCell(3).setCellFormula("B3*2");
			row.createCell(4).setCellValue(true);
			wb.createSheet("隐藏").createRow(0).createCell(0).setCellValue("x");
			wb.setSheetHidden(2, true);
			wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
			wb.write(out);
			bytes = out.toByteArray();
		}
		Path in1900 = Files.write(dir.resolve("1900.xls"), bytes);
		Path in1904 = Files.write(dir.resolve("1904.xls"), date1904(bytes));

		RawWorkbook workbook = reader.read(in1900, FileFormat.XLS, name -> !name.equals("附表"), ReadLimits.SUBMISSION);
		assertThat(workbook.sheetNames()).containsExactly("附表", "学生", "隐藏");
		assertThat(workbook.sheets()).extracting(RawSheet::name, RawSheet::hidden)
			.containsExactly(tuple("学生", false), tuple("隐藏", true));
		assertThat(workbook.sheets().get(0).rows()).singleElement().satisfies(r -> {
			assertThat(r.index()).isEqualTo(2);
			assertThat(Arrays.asList(r.cells()))
				.isEqualTo(List.of("一年级", "1234.5", RawSheet.DATE_MARK + "2019-06-29", "2469", "TRUE"));
		});
		assertThat(reader.read(in1904, FileFormat.XLS, name -> name.equals("学生"), ReadLimits.SUBMISSION)
			.sheets()
			.get(0)
			.rows()
			.get(0)
			.cells()[2]).as("the same number in a 1904 workbook").isEqualTo(RawSheet.DATE_MARK + "2023-06-30");
	}

	/**
	 * The workbook with its DATEWINDOW1904 record (sid 0x22, two bytes) set, as Excel for
	 * the Mac saved it.
	 */
	private static byte[] date1904(byte[] xls) {
		byte[] record = { 0x22, 0x00, 0x02, 0x00, 0x00, 0x00 };
		byte[] copy = xls.clone();
		int found = -1;
		for (int i = 0; i + record.length <= copy.length; i++) {
			if (Arrays.equals(copy, i, i + record.length, record, 0, record.length)) {
				assertThat(found).as("one DATEWINDOW1904 record").isEqualTo(-1);
				found = i;
			}
		}
		assertThat(found).as("the DATEWINDOW1904 record").isNotNegative();
		copy[found + 4] = 1;
		return copy;
	}

}
