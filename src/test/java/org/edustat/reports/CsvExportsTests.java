package org.edustat.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class CsvExportsTests {

	@TempDir
	Path folder;

	/**
	 * Each cell as the workbook holds it; a BOM, CRLF, quoting, numbers exact, formulas
	 * made inert; other sheets not.
	 */
	@Test
	void theDetailSheetsBesideTheReportAsUtf8CsvWithABom() throws IOException {
		Path workbook = folder.resolve(".2023H1 半年报.xlsx.part");
		try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(workbook)) {
			wb.createSheet("总览").createRow(0).createCell(0).setCellValue("不导出");
			var sheet = wb.createSheet("明细数据");
			Row header = sheet.createRow(0);
			header.createCell(0).setCellValue("区县代码");
			header.createCell(1).setCellValue("指标名称");
			header.createCell(2).setCellValue("本期");
			header.createCell(3).setCellValue("增减率");
			Row row = sheet.createRow(1);
			row.createCell(0).setCellValue("990102");
			row.createCell(1).setCellValue("在校生数,含\"随迁\"");
			row.createCell(2).setCellValue(44.60491433545681);
			row.createCell(3).setCellValue(-9.1);
			Row hostile = sheet.createRow(2);
			hostile.createCell(0).setCellValue("=HYPERLINK(\"x\")");
			hostile.createCell(2).setCellValue(1200);
			wb.createSheet("学校明细").createRow(0).createCell(0).setCellValue("学校标识码");
			wb.write(out);
		}
		Path report = folder.resolve("2023H1 半年报.xlsx");
		assertThat(CsvExports.write(workbook, report)).containsExactly(folder.resolve("2023H1 半年报_明细数据.csv"),
				folder.resolve("2023H1 半年报_学校明细.csv"));
		byte[] bytes = Files.readAllBytes(folder.resolve("2023H1 半年报_明细数据.csv"));
		assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
		assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("\uFEFF区县代码,指标名称,本期,增减率\r\n"
				+ "990102,\"在校生数,含\"\"随迁\"\"\",44.60491433545681,-9.1\r\n" + "\"'=HYPERLINK(\"\"x\"\")\",,1200\r\n");
		assertThat(folder.resolve("2023H1 半年报_总览.csv")).doesNotExist();
	}

}
