package org.edustat.normalise.internal;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.edustat.core.FileFormat;
import org.edustat.core.SchoolType;
import org.edustat.demo.DemoSchool;
import org.edustat.demo.Mess;
import org.edustat.demo.Roster;
import org.edustat.testing.HandWorkbook;
import org.edustat.testing.HeaderSpellings;
import org.edustat.testing.Workbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The .xls reader, which reads HSSF's records as they stream by, against what HSSF's workbook model gives for the same
 * files (the way .xls was read before): every cell of every sheet must be the same text.
 */
class XlsReaderTests {

	@TempDir
	Path dir;

	private final WorkbookReader reader = new WorkbookReader();

	@Test
	void givesEveryKindOfCellAsTheNormaliserExpectsIt() throws IOException {
		Path file = dir.resolve("cells.xls");
		try (HSSFWorkbook workbook = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			workbook.createSheet("说明").createRow(0).createCell(0).setCellValue("填表说明");
			Sheet sheet = workbook.createSheet("学生");
			CellStyle customDate = workbook.createCellStyle();
			customDate.setDataFormat(workbook.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
			CellStyle builtinDate = workbook.createCellStyle();
			builtinDate.setDataFormat((short) 14);
			Row header = sheet.createRow(0);
			header.createCell(0).setCellValue("年级");
			header.createCell(1).setCellValue("在校生数");
			header.createCell(3).setBlank();
			Row row = sheet.createRow(1);
			row.createCell(0).setCellValue("一年级");
			row.createCell(1).setCellValue(1234.5);
			row.createCell(2).setCellValue(80);
			Cell custom = row.createCell(3);
			custom.setCellValue(45107);
			custom.setCellStyle(customDate);
			Cell builtin = row.createCell(4);
			builtin.setCellValue(45291);
			builtin.setCellStyle(builtinDate);
			row.createCell(5).setCellValue(0.0015);
			Row formulas = sheet.createRow(2);
			formulas.createCell(0).setCellFormula("SUM(B2:C2)");
			formulas.createCell(1).setCellFormula("\"合\"&\"计\"");
			formulas.createCell(2).setCellFormula("1>0");
			formulas.createCell(3).setCellFormula("1/0");
			formulas.createCell(4).setCellErrorValue(FormulaError.NA.getCode());
			formulas.createCell(5).setCellValue(false);
			sheet.createRow(3);
			sheet.createRow(4).createCell(1).setCellValue(7);
			workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
			workbook.createSheet("隐藏").createRow(0).createCell(0).setCellValue("x");
			workbook.setSheetHidden(2, true);
			workbook.write(out);
		}

		RawWorkbook workbook = reader.read(file, FileFormat.XLS, name -> !name.equals("说明"), ReadLimits.SUBMISSION);

		assertThat(workbook.sheetNames()).containsExactly("说明", "学生", "隐藏");
		assertThat(workbook.sheets()).extracting(RawSheet::name).containsExactly("学生", "隐藏");
		Map<Integer, List<String>> rows = new LinkedHashMap<>();
		workbook.sheets().get(0).rows().forEach(r -> rows.put(r.index(), Arrays.asList(r.cells())));
		assertThat(rows).containsExactly(Map.entry(0, List.of("年级", "在校生数")),
				Map.entry(1, List.of("一年级", "1234.5", "80", RawSheet.DATE_MARK + "2023-06-30", RawSheet.DATE_MARK + "2023-12-31",
						"0.0015")),
				Map.entry(2, List.of("1314.5", "合计", "TRUE", "ERROR:#DIV/0!", "ERROR:#N/A", "FALSE")),
				Map.entry(4, Arrays.asList(null, "7")));
		assertThat(sameAsTheWorkbookModel(file)).isTrue();
	}

	@Test
	void readsEveryMessyVariantAsTheWorkbookModelDoes() throws IOException {
		for (DemoSchool school : Roster.schools(12, Workbooks.SEED)) {
			for (Mess mess : Mess.values()) {
				Path file = dir.resolve(school.profile().id() + "-" + mess + ".xls");
				Files.write(file, Workbooks.submission(school, Workbooks.H1_2023).mess(mess).format(FileFormat.XLS).bytes());
				assertThat(sameAsTheWorkbookModel(file)).as(file.getFileName().toString()).isTrue();
			}
		}
		Path all = dir.resolve("all.xls");
		Files.write(all, Workbooks.submission(Workbooks.school(SchoolType.PRIMARY), Workbooks.H1_2023).mess(Mess.values())
			.format(FileFormat.XLS).bytes());
		assertThat(sameAsTheWorkbookModel(all)).isTrue();
	}

	@Test
	void readsWorkbooksLibreOfficeSavedAsXlsAsTheWorkbookModelDoes() throws Exception {
		assumeTrue(onPath("soffice"), "LibreOffice (soffice) is not installed");
		Path hand = Workbooks.write(dir, "手填.xlsx", new HandWorkbook("3901029003", "测试小学", "2023H1")
			.spelling(HeaderSpellings.UNIT_IN_FULL_WIDTH_BRACKETS.spelling).bytes(FileFormat.XLSX), Instant.now());
		Path messy = Workbooks.write(dir, "杂乱.xlsx", Workbooks.submission(Workbooks.school(SchoolType.NINE_YEAR), Workbooks.H1_2023)
			.mess(Mess.values()).format(FileFormat.XLSX).bytes(), Instant.now());
		Path out = Files.createDirectories(dir.resolve("xls"));
		Process process = new ProcessBuilder("soffice", "--headless", "--norestore",
				"-env:UserInstallation=file://" + dir.resolve("lo-profile"), "--convert-to", "xls", "--outdir", out.toString(),
				hand.toString(), messy.toString())
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("soffice.log").toFile())
			.start();
		assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("LibreOffice finished").isTrue();

		for (String name : List.of("手填.xls", "杂乱.xls")) {
			assertThat(out.resolve(name)).as(Files.readString(dir.resolve("soffice.log"))).exists();
			assertThat(sameAsTheWorkbookModel(out.resolve(name))).as(name).isTrue();
		}
	}

	private static boolean onPath(String command) {
		String path = System.getenv("PATH");
		return path != null && Arrays.stream(path.split(File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, command)));
	}

	/** Reads the file both ways and compares every sheet name, every row index and every cell's text. */
	private boolean sameAsTheWorkbookModel(Path file) throws IOException {
		RawWorkbook streamed = reader.read(file, FileFormat.XLS, name -> true, ReadLimits.SUBMISSION);
		RawWorkbook modelled = workbookModel(file);
		assertThat(streamed.sheetNames()).isEqualTo(modelled.sheetNames());
		assertThat(streamed.sheets()).hasSameSizeAs(modelled.sheets());
		for (int i = 0; i < modelled.sheets().size(); i++) {
			RawSheet expected = modelled.sheets().get(i);
			RawSheet actual = streamed.sheets().get(i);
			assertThat(actual.name()).isEqualTo(expected.name());
			assertThat(actual.rows()).extracting(RawSheet.Row::index).isEqualTo(expected.rows().stream().map(RawSheet.Row::index).toList());
			for (int r = 0; r < expected.rows().size(); r++) {
				assertThat(actual.rows().get(r).cells()).as("%s row %d", expected.name(), expected.rows().get(r).index())
					.containsExactly(expected.rows().get(r).cells());
			}
		}
		return true;
	}

	/** How .xls was read before: HSSF's workbook model, every cell through the usermodel API. */
	private static RawWorkbook workbookModel(Path file) throws IOException {
		try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true); Workbook workbook = new HSSFWorkbook(fs.getRoot(), false)) {
			List<String> names = new ArrayList<>();
			List<RawSheet> sheets = new ArrayList<>();
			for (Sheet sheet : workbook) {
				names.add(sheet.getSheetName());
				GridBuilder grid = new GridBuilder(sheet.getSheetName(), ReadLimits.SUBMISSION);
				for (Row row : sheet) {
					grid.startRow(row.getRowNum());
					for (Cell cell : row) {
						grid.cell(cell.getColumnIndex(), text(cell));
					}
					grid.endRow();
				}
				sheets.add(grid.build());
			}
			return new RawWorkbook(names, sheets);
		}
	}

	private static String text(Cell cell) {
		CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
		return switch (type) {
			case NUMERIC -> DateUtil.isCellDateFormatted(cell)
					? RawSheet.DATE_MARK + cell.getLocalDateTimeCellValue().toLocalDate()
					: RawValueFormatter.plain(cell.getNumericCellValue());
			case STRING -> cell.getRichStringCellValue().getString();
			case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
			case ERROR -> "ERROR:" + FormulaError.forInt(cell.getErrorCellValue()).getString();
			default -> null;
		};
	}
}
