package org.edustat.pipeline;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 历年趋势 over four year-ends: each value of the 2023Y 年报's sheet is the 明细数据 of that year's own report, 年均增长 is
 * the hand computation, the sentence of 文字摘要 says those cells; a 年报 with only two years known has no such sheet.
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
		Instant t = Instant.parse("2024-01-01T00:00:00Z");
		Workbooks.write(inbox, "ref/区县.xlsx", ReferenceWorkbooks.districts(Roster.DISTRICTS), t);
		Workbooks.write(inbox, "ref/学校名录.xlsx", ReferenceWorkbooks.registry(schools, List.of()), t);
		int minute = 1;
		for (String code : List.of("2020Y", "2021Y", "2022Y", "2023Y")) {
			for (DemoSchool school : schools) {
				Workbooks.write(inbox, code + "/" + school.profile().id() + ".xlsx",
						Workbooks.submission(school, Period.parse(code)).bytes(), t.plusSeconds(60L * minute++));
			}
		}
		importCommand.run(new PrintStream(OutputStream.nullOutputStream()));
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
			assertThat(header.getCell(1).getStringCellValue()).isEqualTo("2020年");
			assertThat(header.getCell(4).getStringCellValue()).isEqualTo("2023年");
			assertThat(city.getCell(0).getStringCellValue()).endsWith("（全市）");
			double[] values = new double[4];
			for (int i = 0; i < 4; i++) {
				values[i] = city.getCell(1 + i).getNumericCellValue();
				assertThat(values[i]).as("%d from that year's report", 2020 + i)
					.isEqualTo(detail((2020 + i) + "Y 年报_明细数据.csv", "990100", "students").doubleValue());
			}
			double growth = (Math.pow(values[3] / values[0], 1.0 / 3) - 1) * 100;
			assertThat(city.getCell(6).getNumericCellValue()).isEqualTo(BigDecimal.valueOf(growth).setScale(1, RoundingMode.HALF_UP).doubleValue());
			assertThat(city.getCell(5).getNumericCellValue()).isEqualTo(values[3] - values[0]);

			String summary = "";
			for (Row row : wb.getSheet("文字摘要")) {
				if (row.getCell(0) != null && row.getCell(0).toString().startsWith("2020年以来，全市")) {
					summary = row.getCell(0).getStringCellValue();
					break;
				}
			}
			String rate = BigDecimal.valueOf(Math.abs(growth)).setScale(1, RoundingMode.HALF_UP).toPlainString();
			assertThat(summary).contains("2020年以来，全市在校生数年均" + (growth >= 0 ? "增长" : "下降") + rate + "%（由"
					+ String.format("%,d", (long) values[0]) + "人变为" + String.format("%,d", (long) values[3]) + "人）");
		}
		try (Workbook wb = open("2021Y 年报.xlsx")) {
			assertThat(wb.getSheet("历年趋势")).as("two years known: the comparison with last year says it").isNull();
		}
		try (Workbook wb = open("2022Y 年报.xlsx")) {
			assertThat(wb.getSheet("历年趋势")).isNotNull();
		}
	}

	private static Workbook open(String name) throws Exception {
		return WorkbookFactory.create(new ByteArrayInputStream(Files.readAllBytes(ROOT.resolve("output").resolve(name))));
	}

	/** 本期 of an area's whole-area row of an indicator in a report's 明细数据, from its CSV. */
	private static BigDecimal detail(String csv, String area, String indicator) throws Exception {
		List<String> lines = Files.readAllLines(ROOT.resolve("output").resolve(csv), StandardCharsets.UTF_8);
		List<String> header = List.of(lines.get(0).replace("\uFEFF", "").split(","));
		for (String line : lines.subList(1, lines.size())) {
			String[] cells = line.split(",", -1);
			if (cells[0].equals(area) && cells[header.indexOf("指标代码")].equals(indicator) && cells[header.indexOf("分组")].isEmpty()) {
				return new BigDecimal(cells[header.indexOf("本期")]);
			}
		}
		throw new AssertionError("no " + indicator + " of " + area + " in " + csv);
	}
}
