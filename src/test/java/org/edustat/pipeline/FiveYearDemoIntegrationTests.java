package org.edustat.pipeline;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.edustat.cli.ImportCommand;
import org.edustat.demo.DemoInbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo of five years (generate-demo --years=5, 20 schools): the 2023Y 年报's 历年趋势 runs
 * from 2017, its two published years (历年数据) marked, and each of the five computed years
 * equals that year's own 明细数据 for the city and every 区县.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FiveYearDemoIntegrationTests {

	static final Path ROOT = TestFolders.root("edustat-five-years");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:five-years;DB_CLOSE_DELAY=-1");
		TestFolders.folders(registry, ROOT);
	}

	@Autowired
	ImportCommand importCommand;

	@BeforeAll
	void theFiveYearDemo() throws Exception {
		FileSystemUtils.deleteRecursively(ROOT);
		new DemoInbox(ROOT.resolve("input"), 2023, 5).writeDemo(20);
		importCommand.run(new PrintStream(OutputStream.nullOutputStream()));
	}

	@Test
	void eachComputedYearIsThatYearsReportAndThePublishedOnesAreMarked() throws Exception {
		try (Workbook wb = WorkbookFactory
			.create(new ByteArrayInputStream(Files.readAllBytes(ROOT.resolve("output/2023Y 年报.xlsx"))))) {
			Sheet trend = wb.getSheet("历年趋势");
			int at = -1;
			for (Row row : trend) {
				if (row.getCell(0) != null && row.getCell(0).toString().startsWith("在校生数")) {
					at = row.getRowNum();
					break;
				}
			}
			Row header = trend.getRow(at + 1);
			assertThat(header.getCell(1).getStringCellValue()).isEqualTo("2017年");
			assertThat(header.getCell(7).getStringCellValue()).isEqualTo("2023年");
			int areas = 0;
			for (int r = at + 2; trend.getRow(r) != null && trend.getRow(r).getCell(1) != null; r++) {
				Row row = trend.getRow(r);
				String code = code(row.getCell(0).getStringCellValue());
				for (int c = 1; c <= 2; c++) {
					assertThat(wb.getFontAt(row.getCell(c).getCellStyle().getFontIndex()).getItalic())
						.as("published, marked")
						.isTrue();
				}
				for (int year = 2019; year <= 2023; year++) {
					assertThat(row.getCell(year - 2016).getNumericCellValue()).as("%s %d", code, year)
						.isEqualTo(detail(year + "Y 年报_明细数据.csv", code).doubleValue());
				}
				areas++;
			}
			assertThat(areas).isEqualTo(7);
		}
	}

	/**
	 * The area code of a row of 历年趋势 (its name, 「云溪市（全市）」 for the city), from the 明细数据
	 * CSV of 2023Y.
	 */
	private static String code(String name) throws Exception {
		String plain = name.replace("（全市）", "");
		for (String line : Files.readAllLines(ROOT.resolve("output/2023Y 年报_明细数据.csv"), StandardCharsets.UTF_8)) {
			String[] cells = line.split(",", -1);
			if (cells.length > 1 && cells[1].equals(plain)) {
				return cells[0];
			}
		}
		throw new AssertionError("no area " + name);
	}

	private static BigDecimal detail(String csv, String area) throws Exception {
		List<String> lines = Files.readAllLines(ROOT.resolve("output").resolve(csv), StandardCharsets.UTF_8);
		List<String> header = List.of(lines.get(0).replace("\uFEFF", "").split(","));
		for (String line : lines.subList(1, lines.size())) {
			String[] cells = line.split(",", -1);
			if (cells[0].equals(area) && cells[header.indexOf("指标代码")].equals("students")
					&& cells[header.indexOf("分组")].isEmpty()) {
				return new BigDecimal(cells[header.indexOf("本期")]);
			}
		}
		throw new AssertionError("no students of " + area + " in " + csv);
	}

}
