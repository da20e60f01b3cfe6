package org.edustat.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.data.Offset;
import org.edustat.cli.ImportCommand;
import org.edustat.core.FileFormat;
import org.edustat.testing.Cells;
import org.edustat.testing.HandWorkbook;
import org.edustat.testing.Workbooks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks of a city imported on one database ({@link AnotherCityIntegrationTests} on
 * H2, {@link AnotherCityPostgresIntegrationTests} on PostgreSQL). A city that is not the
 * one of jobs/districts.yaml, its inbox written cell by cell with plain POI (not by the
 * demo generator): its own 区县, 学校名录 and 年度目标 workbooks, the targets the oldest file of
 * the three; a school that did not report, one whose only file was refused, one with a
 * refused copy beside its loaded file, a resubmission and a new school. What a reader
 * checks: the causes of 学校数 add up to its change and name the right schools, the targets
 * appear, 本期 − 上年同期 = 增减 in every row of 总览, and every number of a 文字摘要 paragraph is a
 * cell of 明细数据.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AnotherCity {

	static final String EAST = "339901";

	static final String WEST = "339902";

	/** Schools of 东城区 1–5 and 西城区 6–7: code, name, 区县. */
	static final String[][] SCHOOLS = { { "3399010001", "东城区实验小学", EAST }, { "3399010002", "东城区未报小学", EAST },
			{ "3399010003", "东城区退回小学", EAST }, { "3399010004", "东城区副本小学", EAST }, { "3399010005", "东城区重报小学", EAST },
			{ "3399020006", "西城区第一小学", WEST }, { "3399020007", "西城区新建小学", WEST } };

	/** The folder of the run: its inbox, archive and output. */
	abstract Path root();

	@Autowired
	ImportCommand importCommand;

	@Autowired
	JdbcClient jdbc;

	String printed;

	@BeforeAll
	void run() throws Exception {
		ImportJobIntegrationTestsSupport.startFromNothing(jdbc, root());
		Path inbox = root().resolve("input");
		// the targets are the oldest file and the 区县 the newest: applied all the same in
		// the order 区县, 学校名录, 年度目标
		Workbooks.write(inbox, "目标.xlsx",
				reference("年度目标", List.of("年度", "行政区划代码", "指标代码", "目标值"),
						List.of(List.of(2023, WEST, "students", 1000), List.of(2023, EAST, "students", 2000))),
				at("2023-01-01"));
		List<List<Object>> registry = new ArrayList<>();
		for (String[] s : SCHOOLS) {
			registry.add(List.of(s[0], s[1], s[2], "小学", "公办", "城区", "正常"));
		}
		Workbooks.write(inbox, "名录.xlsx",
				reference("学校名录", List.of("学校标识码", "学校名称", "行政区划代码", "办学类型", "举办者", "城乡分类", "状态"), registry),
				at("2023-01-02"));
		Workbooks.write(inbox, "区县.xlsx", reference("区县", List.of("行政区划代码", "名称", "上级代码"),
				List.of(List.of("339900", "江城市", ""), List.of(EAST, "东城区", "339900"), List.of(WEST, "西城区", "339900"))),
				at("2023-01-03"));
		for (int i = 0; i < 6; i++) {
			put(inbox, "2022/" + SCHOOLS[i][0] + ".xlsx", school(i, "2022H1").scale(i + 2), "2022-07-01");
		}
		put(inbox, "2023/a1.xlsx", school(0, "2023H1").scale(3), "2023-07-01");
		put(inbox, "2023/a3.xlsx", school(2, "2023H1").scale(3).notANumber(), "2023-07-01");
		put(inbox, "2023/a4.xlsx", school(3, "2023H1").scale(6), "2023-07-01");
		put(inbox, "2023/a4-副本.xlsx", school(3, "2023H1").scale(6).notANumber(), "2023-07-02");
		put(inbox, "2023/a5.xlsx", school(4, "2023H1").scale(2), "2023-07-01");
		put(inbox, "2023/a5-更正.xlsx", school(4, "2023H1").scale(7), "2023-07-03");
		put(inbox, "2023/b6.xlsx", school(5, "2023H1").scale(8), "2023-07-01");
		put(inbox, "2023/b7.xlsx", school(6, "2023H1").scale(2), "2023-07-01");
		printed = ImportJobIntegrationTestsSupport.runImport(importCommand);
	}

	@Test
	void theNewCitysOwnTargetsAreAcceptedOnItsFirstRun() throws IOException {
		assertThat(jdbc.sql("select count(*) from inbox_file where status = '已退回' and school_id is null")
			.query(Long.class)
			.single()).as(printed).isZero();
		assertThat(jdbc.sql("select count(*) from annual_target where target_year = 2023").query(Long.class).single())
			.isEqualTo(2);
		try (Workbook wb = report()) {
			assertThat(detail(wb, WEST, "students").get(14)).isEqualTo(1000.0);
			assertThat(detail(wb, EAST, "students").get(14)).isEqualTo(2000.0);
		}
	}

	@Test
	void theCausesOfTheCountOfSchoolsAddUpAndTheNoteNamesExactlyItsSchools() throws IOException {
		try (Workbook wb = report()) {
			List<String> lines = lines(wb.getSheet("文字摘要"));
			assertThat(paragraphStart(lines, "全市共有学校")).startsWith("全市共有学校5所，比上年同期（6所）减少1所（1所未报送、1所被退回、新增1所），下降16.7%。");
			assertThat(paragraphStart(lines, "东城区共有学校")).startsWith("东城区共有学校3所，比上年同期（5所）减少2所（1所未报送、1所被退回），下降40.0%。");
			assertThat(paragraphStart(lines, "西城区共有学校")).startsWith("西城区共有学校2所，比上年同期（1所）增加1所（新增1所），增长100.0%。");
			assertThat(lines)
				.contains("说明：东城区有1所学校未报送、1所学校的报表被退回（东城区未报小学、东城区退回小学），其数据未计入以下数字；" + "与上年同期相比的增减按可比口径（两期均已入库的学校）计算。");
			assertThat(lines).contains("说明：西城区与上年同期相比的增减按可比口径（两期均已入库的学校）计算。");
			for (String line : lines) {
				Matcher m = Pattern.compile("(增加|减少)(\\d+)所（([^）]*)）").matcher(line);
				while (m.find()) {
					int sum = 0;
					for (String cause : m.group(3).split("、")) {
						int n = Integer.parseInt(cause.replaceAll("\\D", ""));
						sum += cause.startsWith("新增") ? -n : n;
					}
					assertThat(m.group(1).equals("减少") ? sum : -sum).as(line).isEqualTo(Integer.parseInt(m.group(2)));
				}
			}
			List<List<Object>> quality = new ArrayList<>();
			wb.getSheet("数据质量").forEach(r -> quality.add(Cells.values(r)));
			int missing = quality.indexOf(List.of("未报送的学校（1所）"));
			assertThat(quality.get(missing + 2)).isEqualTo(List.of("东城区", "3399010002", "东城区未报小学"));
			int refused = quality.indexOf(List.of("报表均被退回的学校（1所）"));
			assertThat(quality.get(refused + 2)).isEqualTo(List.of("东城区", "3399010003", "东城区退回小学"));
			assertThat(quality).contains(List.of(EAST, "东城区", 5.0, 3.0, 0.6, 2.0, 0.0));
		}
	}

	@Test
	void overviewColumnsNeverContradictEachOther() throws IOException {
		try (Workbook wb = report()) {
			Sheet overview = wb.getSheet("总览");
			int checked = 0;
			for (int r = 3; r <= overview.getLastRowNum(); r++) {
				List<Object> row = Cells.values(overview.getRow(r));
				if (row.size() > 4 && row.get(2) instanceof Double now && row.get(3) instanceof Double before) {
					assertThat((Double) row.get(4)).as("本期 − 上年同期 = 增减: %s", row.get(0))
						.isCloseTo(now - before, Offset.offset(1e-9));
					checked++;
				}
			}
			assertThat(checked).isGreaterThan(5);
		}
	}

	@Test
	void everyNumberOfAParagraphIsACellOfItsArea() throws IOException {
		try (Workbook wb = report()) {
			List<String> lines = lines(wb.getSheet("文字摘要"));
			Map<String, String> areas = Map.of("全市", "339900", "东城区", EAST, "西城区", WEST);
			int checked = 0;
			for (Map.Entry<String, String> area : areas.entrySet()) {
				String paragraph = paragraphStart(lines, area.getKey() + "共有学校");
				List<Double> cells = numbers(wb.getSheet("明细数据"), area.getValue());
				// the causes of 学校数 are counts of schools (数据质量 lists them), the gap to a
				// target is target − value
				String stated = paragraph.replaceAll("所（[^）]*）", "所")
					.replaceAll("还差[0-9,.]+|高于年度目标（[^）]*）[0-9,.]+", "");
				Matcher m = Pattern.compile("(?<![:\\d.,])\\d[\\d,]*(?:\\.\\d+)?").matcher(stated);
				while (m.find()) {
					BigDecimal n = new BigDecimal(m.group().replace(",", ""));
					assertThat(cells).as("%s in「%s」", m.group(), paragraph)
						.anyMatch(c -> BigDecimal.valueOf(Math.abs(c))
							.setScale(n.scale(), RoundingMode.HALF_UP)
							.compareTo(n) == 0);
					checked++;
				}
			}
			assertThat(checked).isGreaterThan(30);
		}
	}

	private static List<Double> numbers(Sheet detail, String area) {
		List<Double> numbers = new ArrayList<>();
		for (Row row : detail) {
			List<Object> values = Cells.values(row);
			if (values.size() > 7 && area.equals(values.get(0))
					&& (values.get(5) == null || "".equals(values.get(5)))) {
				for (int c = 7; c < values.size(); c++) {
					if (values.get(c) instanceof Double d) {
						numbers.add(d);
						numbers.add(d * 100);
					}
				}
			}
		}
		return numbers;
	}

	private static String paragraphStart(List<String> lines, String start) {
		return lines.stream()
			.filter(l -> l.startsWith(start))
			.findFirst()
			.orElseThrow(() -> new AssertionError(start + " in " + lines));
	}

	private static List<String> lines(Sheet sheet) {
		List<String> lines = new ArrayList<>();
		sheet.forEach(r -> {
			List<String> texts = Cells.texts(r);
			if (!texts.isEmpty() && texts.get(0) != null) {
				lines.add(texts.get(0));
			}
		});
		return lines;
	}

	private static List<Object> detail(Workbook wb, String area, String indicator) {
		for (Row row : wb.getSheet("明细数据")) {
			List<Object> values = new ArrayList<>(Cells.values(row));
			while (values.size() < 17) {
				values.add(null);
			}
			if (area.equals(values.get(0)) && indicator.equals(values.get(2))
					&& (values.get(5) == null || "".equals(values.get(5)))) {
				return values;
			}
		}
		throw new AssertionError(area + " " + indicator);
	}

	private Workbook report() throws IOException {
		return WorkbookFactory.create(root().resolve("output/2023H1 半年报.xlsx").toFile(), null, true);
	}

	private static HandWorkbook school(int i, String period) {
		return new HandWorkbook(SCHOOLS[i][0], SCHOOLS[i][1], period).district(SCHOOLS[i][2]);
	}

	private static void put(Path inbox, String name, HandWorkbook workbook, String day) throws IOException {
		Files.createDirectories(inbox.resolve(name).getParent());
		Workbooks.write(inbox, name, workbook.bytes(FileFormat.XLSX), at(day));
	}

	private static Instant at(String day) {
		return Instant.parse(day + "T08:00:00Z");
	}

	private static byte[] reference(String sheetName, List<String> header, List<List<Object>> rows) throws IOException {
		try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = wb.createSheet(sheetName);
			Row head = sheet.createRow(0);
			for (int c = 0; c < header.size(); c++) {
				head.createCell(c).setCellValue(header.get(c));
			}
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r + 1);
				for (int c = 0; c < rows.get(r).size(); c++) {
					Object v = rows.get(r).get(c);
					if (v instanceof Integer n) {
						row.createCell(c).setCellValue(n);
					}
					else {
						row.createCell(c).setCellValue((String) v);
					}
				}
			}
			wb.write(out);
			return out.toByteArray();
		}
	}

}
