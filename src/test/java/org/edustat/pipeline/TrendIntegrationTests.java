package org.edustat.pipeline;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.edustat.cli.ImportCommand;
import org.edustat.core.Period;
import org.edustat.demo.DemoSchool;
import org.edustat.demo.ReferenceWorkbooks;
import org.edustat.demo.Roster;
import org.edustat.testing.Workbooks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 历年趋势 over four year-ends and two published before them (历年数据, typed by hand in another
 * city's words): each computed value of the 2023Y 年报's sheet is the 明细数据 of that year's
 * own report, the published ones are marked, a published total that differs from a
 * computed one is noted, 年均增长 is the hand computation, the sentence of 文字摘要 says those
 * cells; the bad rows of 历年数据 are refused each at its cell and the rest applied.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrendIntegrationTests {

	static final Path ROOT = TestFolders.root("edustat-trend");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:trend;DB_CLOSE_DELAY=-1");
		TestFolders.folders(registry, ROOT);
	}

	@Autowired
	ImportCommand importCommand;

	@BeforeAll
	void fourYearEnds() throws Exception {
		FileSystemUtils.deleteRecursively(ROOT);
		Path inbox = ROOT.resolve("input");
		List<DemoSchool> schools = Roster.schools(12, Workbooks.SEED);
		Workbooks.city(inbox, schools, Stream.of("2020Y", "2021Y", "2022Y", "2023Y").map(Period::parse).toList());
		// the bureau's published totals of two years before EduStat, and one of a year
		// EduStat knows, typed by hand in
		// another city's words (年份, 区划代码, 公布值); three rows that cannot be taken
		try (XSSFWorkbook wb = new XSSFWorkbook();
				OutputStream out = Files.newOutputStream(inbox.resolve("ref/历年公布数.xlsx"))) {
			Sheet sheet = wb.createSheet("历年数据");
			Object[][] rows = { { "年份", "区划代码", "指标代码", "公布值" }, { "2018", "990100", "students", 14000 },
					{ "2019年", "990100", "students", 14500 }, { "2020", "990100", "students", 99999 },
					{ "2019", "990100", "not_an_indicator", 5 }, { "2019", "999999", "students", 5 },
					{ "2019", "990102", "students", "一千" } };
			for (int r = 0; r < rows.length; r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < rows[r].length; c++) {
					if (rows[r][c] instanceof Integer n) {
						row.createCell(c).setCellValue(n);
					}
					else {
						row.createCell(c).setCellValue((String) rows[r][c]);
					}
				}
			}
			wb.write(out);
		}
		Files.setLastModifiedTime(inbox.resolve("ref/历年公布数.xlsx"),
				FileTime.from(Instant.parse("2024-01-01T00:00:00Z")));
		// a plan: the city's 在校生数 target for 2025
		Workbooks.write(inbox, "ref/规划目标.xlsx",
				ReferenceWorkbooks.targets(List.of(List.of(2025, "990100", "students", 16000))),
				Instant.parse("2024-01-01T00:00:00Z"));
		importCommand.run(new PrintStream(OutputStream.nullOutputStream()));
	}

	@Autowired
	JdbcClient jdbc;

	@Test
	void publishedTotalsAreTakenRowByRowAndEachRefusedAtItsCell() {
		String reason = jdbc.sql("select reason from inbox_file where received_path = 'ref/历年公布数.xlsx'")
			.query(String.class)
			.single();
		assertThat(reason).endsWith("历年数据3项(3处未采用,见各单元格)");
		assertThat(jdbc.sql("""
				select f.code || ' ' || f.cell from finding f join inbox_file i on i.id = f.file_id
				where i.received_path = 'ref/历年公布数.xlsx' order by f.id""").query(String.class).list())
			.containsExactly("R03 历年数据!C5", "R04 历年数据!B6", "R05 历年数据!D7");
	}

	@Test
	void eachYearsValueIsThatYearsReportAndTheGrowthIsComputedByHand() throws Exception {
		try (Workbook wb = open("2023Y 年报.xlsx")) {
			Sheet trend = wb.getSheet("历年趋势");
			assertThat(trend).isNotNull();
			Row header = null;
			Row city = null;
			for (Row row : trend) {
				if (row.getCell(0) != null && row.getCell(0).toString().startsWith("在校生数")) {
					header = trend.getRow(row.getRowNum() + 1);
					city = trend.getRow(row.getRowNum() + 2);
					break;
				}
			}
			assertThat(header.getCell(1).getStringCellValue()).isEqualTo("2018年");
			assertThat(header.getCell(6).getStringCellValue()).isEqualTo("2023年");
			assertThat(city.getCell(0).getStringCellValue()).endsWith("（全市）");
			// 2018 and 2019 as published, marked (grey italic); 2020 to 2023 as each
			// year's own report, 2020's published
			// total set aside for the computed one with a note
			assertThat(city.getCell(1).getNumericCellValue()).isEqualTo(14000);
			assertThat(city.getCell(2).getNumericCellValue()).isEqualTo(14500);
			assertThat(wb.getFontAt(city.getCell(1).getCellStyle().getFontIndex()).getItalic()).isTrue();
			assertThat(wb.getFontAt(city.getCell(3).getCellStyle().getFontIndex()).getItalic()).isFalse();
			double[] values = new double[4];
			for (int i = 0; i < 4; i++) {
				values[i] = city.getCell(3 + i).getNumericCellValue();
				assertThat(values[i]).as("%d from that year's report", 2020 + i)
					.isEqualTo(detail((2020 + i) + "Y 年报_明细数据.csv", "990100", "students").doubleValue());
			}
			double growth = (Math.pow(values[3] / 14000, 1.0 / 5) - 1) * 100;
			assertThat(city.getCell(8).getNumericCellValue())
				.isEqualTo(BigDecimal.valueOf(growth).setScale(1, RoundingMode.HALF_UP).doubleValue());
			assertThat(city.getCell(7).getNumericCellValue()).isEqualTo(values[3] - 14000);
			assertThat(List.of(header.getCell(9).getStringCellValue(), header.getCell(10).getStringCellValue()))
				.containsExactly("规划目标", "目标年度");
			assertThat(List.of(city.getCell(9).getNumericCellValue(), city.getCell(10).getNumericCellValue()))
				.containsExactly(16000.0, 2025.0);
			List<String> notes = new ArrayList<>();
			trend.forEach(row -> {
				if (row.getCell(0) != null && row.getCell(0).toString().startsWith("注：")) {
					notes.add(row.getCell(0).getStringCellValue());
				}
			});
			assertThat(notes).contains(
					"注：2020年云溪市在校生数公布数为99,999人，本系统据学校报表计算为" + String.format("%,d", (long) values[0]) + "人，表中为计算数。");

			String summary = "";
			for (Row row : wb.getSheet("文字摘要")) {
				if (row.getCell(0) != null && row.getCell(0).toString().contains("2018年以来，全市在校生数")) {
					summary = row.getCell(0).getStringCellValue();
					break;
				}
			}
			String rate = BigDecimal.valueOf(Math.abs(growth)).setScale(1, RoundingMode.HALF_UP).toPlainString();
			assertThat(summary).contains("2018年以来，全市在校生数年均" + (growth >= 0 ? "增长" : "下降") + rate + "%（由"
					+ "14,000人（公布数）变为" + String.format("%,d", (long) values[3]) + "人）");
		}
		try (Workbook wb = open("2022Y 年报.xlsx")) {
			assertThat(wb.getSheet("历年趋势")).isNotNull();
		}
	}

	private static Workbook open(String name) throws Exception {
		return WorkbookFactory
			.create(new ByteArrayInputStream(Files.readAllBytes(ROOT.resolve("output").resolve(name))));
	}

	/**
	 * 本期 of an area's whole-area row of an indicator in a report's 明细数据, from its CSV.
	 */
	private static BigDecimal detail(String csv, String area, String indicator) throws Exception {
		List<String> lines = Files.readAllLines(ROOT.resolve("output").resolve(csv), StandardCharsets.UTF_8);
		List<String> header = List.of(lines.get(0).replace("\uFEFF", "").split(","));
		for (String line : lines.subList(1, lines.size())) {
			String[] cells = line.split(",", -1);
			if (cells[0].equals(area) && cells[header.indexOf("指标代码")].equals(indicator)
					&& cells[header.indexOf("分组")].isEmpty()) {
				return new BigDecimal(cells[header.indexOf("本期")]);
			}
		}
		throw new AssertionError("no " + indicator + " of " + area + " in " + csv);
	}

}
