package org.edustat.normalise.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.dhatim.fastexcel.reader.SheetVisibility;
import org.edustat.core.FileFormat;
import org.edustat.core.Rejection;
import org.edustat.demo.DemoInbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The .xlsx reader against fastexcel-reader 0.19, which it replaced: on every workbook of
 * two demo cities (every kind of mess the generator makes), on the same workbooks
 * re-saved by LibreOffice, and on 400 packages of random cells written here as raw XML
 * (every cell type, missing and odd references, styles, shared and array formulas, values
 * their type cannot hold), both give the same sheets and cells, or refuse the file with
 * the same code.
 */
class XlsxReaderAgreementTests {

	private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

	@TempDir
	Path dir;

	@Test
	void readsEveryDemoWorkbookAsFastexcelDid() throws IOException {
		List<Path> files = new ArrayList<>();
		for (long seed : new long[] { 2023, 11 }) {
			files.addAll(new DemoInbox(dir.resolve("city" + seed), seed).writeDemo(40));
		}
		List<Path> xlsx = files.stream().filter(f -> f.toString().endsWith(".xlsx")).toList();
		assertThat(xlsx).hasSizeGreaterThan(100);
		int read = 0;
		for (Path file : xlsx) {
			read += agree(file) ? 1 : 0;
		}
		assertThat(read).as("workbooks both read").isGreaterThan(100);
	}

	@Test
	void readsWorkbooksReSavedByLibreOfficeAsFastexcelDid() throws Exception {
		List<Path> files = new DemoInbox(dir.resolve("city"), 5).writeDemo(6);
		Path out = Files.createDirectories(dir.resolve("resaved"));
		List<String> command = new ArrayList<>(List.of("soffice", "-env:UserInstallation=file://" + dir.resolve("lo"),
				"--headless", "--convert-to", "xlsx", "--outdir", out.toString()));
		files.stream()
			.filter(f -> f.toString().endsWith(".xls") || f.toString().endsWith(".xlsx"))
			.limit(8)
			.forEach(f -> command.add(f.toString()));
		Process soffice = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(dir.resolve("soffice.log").toFile())
			.start();
		assertThat(soffice.waitFor(180, TimeUnit.SECONDS)).isTrue();
		List<Path> resaved;
		try (Stream<Path> listed = Files.list(out)) {
			resaved = listed.toList();
		}
		assertThat(resaved).hasSizeGreaterThanOrEqualTo(6);
		int read = 0;
		for (Path file : resaved) {
			read += agree(file) ? 1 : 0;
		}
		assertThat(read).isGreaterThanOrEqualTo(6);
	}

	@Test
	void readsRandomCellsAsFastexcelDid() throws IOException {
		Random random = new Random(29);
		int read = 0;
		int refused = 0;
		for (int i = 0; i < 400; i++) {
			Path file = Files.write(dir.resolve("random" + i + ".xlsx"), RandomCells.pkg(random));
			if (agree(file)) {
				read++;
			}
			else {
				refused++;
			}
		}
		// both kinds of outcome are exercised
		assertThat(read).isGreaterThan(200);
		assertThat(refused).isGreaterThan(20);
	}

	/** Whether both read the file (the same); fails unless both refuse it alike. */
	private static boolean agree(Path file) {
		String ours = outcome(
				() -> new WorkbookReader().read(file, FileFormat.XLSX, name -> true, ReadLimits.SUBMISSION));
		String theirs = outcome(() -> Fastexcel.read(file, name -> true, ReadLimits.SUBMISSION));
		assertThat(ours).as(file.getFileName().toString()).isEqualTo(theirs);
		return !ours.startsWith("refused");
	}

	private static String outcome(WorkbookReader.Reading<RawWorkbook> reading) {
		try {
			RawWorkbook workbook = WorkbookReader.refusing(reading);
			StringBuilder text = new StringBuilder(workbook.sheetNames().toString());
			for (RawSheet sheet : workbook.sheets()) {
				text.append('\n').append(sheet.name()).append(sheet.hidden() ? " (hidden)" : "");
				for (RawSheet.Row row : sheet.rows()) {
					text.append('\n').append(row.index()).append(": ").append(Arrays.toString(row.cells()));
				}
			}
			return text.toString();
		}
		catch (Rejection ex) {
			return "refused " + ex.findings().get(0).code() + " " + ex.findings().get(0).message();
		}
	}

	/** The reading of the last sessions: fastexcel-reader 0.19 with cell formats. */
	private static final class Fastexcel {

		static RawWorkbook read(Path file, Predicate<String> wanted, ReadLimits limits) throws IOException {
			try {
				return streamed(file, wanted, limits);
			}
			catch (UncomputedFormulaException ex) {
				return FormulaComputer.read(file, wanted, limits, ex);
			}
		}

		private static RawWorkbook streamed(Path file, Predicate<String> wanted, ReadLimits limits) throws IOException {
			// the guard as it was: every part inflated through its limits first
			try (ZipFile zip = ZipGuard.open(file)) {
				Enumeration<? extends ZipEntry> entries = zip.entries();
				while (entries.hasMoreElements()) {
					try (InputStream in = ZipGuard.inflate(zip, entries.nextElement())) {
						in.transferTo(OutputStream.nullOutputStream());
					}
				}
			}
			try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, true))) {
				List<String> names = new ArrayList<>();
				List<RawSheet> parsed = new ArrayList<>();
				for (Sheet sheet : workbook.getSheets().toList()) {
					names.add(sheet.getName());
					if (wanted.test(sheet.getName())) {
						GridBuilder grid = new GridBuilder(sheet.getName(), limits);
						try (Stream<Row> rows = sheet.openStream()) {
							rows.forEach(row -> {
								grid.startRow(row.getRowNum() - 1);
								for (int i = 0; i < row.getCellCount(); i++) {
									Cell cell = row.getCell(i);
									if (cell != null) {
										grid.cell(cell.getColumnIndex(),
												text(sheet.getName(), cell, workbook.isDate1904()));
									}
								}
								grid.endRow();
							});
						}
						parsed.add(grid.build(sheet.getVisibility() != SheetVisibility.VISIBLE));
					}
				}
				return new RawWorkbook(names, parsed);
			}
		}

		private static String text(String sheet, Cell cell, boolean date1904) {
			Object value = cell.getValue();
			return switch (cell.getType()) {
				case EMPTY -> null;
				case ERROR -> "ERROR:" + cell.getRawValue();
				case BOOLEAN -> Boolean.TRUE.equals(value) ? "TRUE" : "FALSE";
				case STRING -> value == null ? null : value.toString();
				case NUMBER -> number(cell, (BigDecimal) value, date1904);
				case FORMULA -> {
					if ((cell.getRawValue() == null || cell.getRawValue().isEmpty()) && !(value instanceof String)) {
						throw new UncomputedFormulaException(sheet, cell.getAddress().getRow(), cell.getColumnIndex(),
								null);
					}
					if (value instanceof BigDecimal number) {
						yield number(cell, number, date1904);
					}
					if (value instanceof Boolean truth) {
						yield truth ? "TRUE" : "FALSE";
					}
					yield value == null ? null : XlsxValue.textResult(value.toString());
				}
			};
		}

		private static String number(Cell cell, BigDecimal value, boolean date1904) {
			if (value == null) {
				return null;
			}
			Integer format = cell.getDataFormatId();
			return format == null ? RawValueFormatter.plain(value.doubleValue())
					: RawValueFormatter.numeric(value.doubleValue(), format, cell.getDataFormatString(), date1904);
		}

	}

	/** Packages of random cells, written as raw XML. */
	private static final class RandomCells {

		private static final String[] NUMBERS = { "123", "-5", "0", "1.5", "1.5E-3", "abc", "", " 5", "007", "-0",
				"12345678901234567", "0x10", "45107", "-", "1e5", "+3", "3.", ".5", "999999999999999" };

		private static final String[] STYLES = { null, null, null, "0", "1", "2", "3", "4", "9", "x", "-1" };

		static byte[] pkg(Random random) throws IOException {
			int strings = 1 + random.nextInt(4);
			StringBuilder sst = new StringBuilder();
			for (int i = 0; i < strings; i++) {
				sst.append(switch (random.nextInt(3)) {
					case 0 -> "<si><t>年级" + i + "</t></si>";
					case 1 ->
						"<si><r><t>在校</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\"> 生数" + i + "</t></r></si>";
					default -> "<si><t>合计" + i + "</t><rPh sb=\"0\" eb=\"1\"><t>ゴウケイ</t></rPh></si>";
				});
			}
			StringBuilder rows = new StringBuilder();
			int rowCount = 1 + random.nextInt(6);
			int rowNumber = 0;
			boolean hostile = random.nextInt(4) == 0;
			for (int r = 0; r < rowCount; r++) {
				rowNumber += 1 + random.nextInt(2);
				boolean references = random.nextInt(5) != 0;
				// one package in four may hold what a reader refuses: an unknown cell
				// type, a
				// style that is not a number, a shared formula's cell before its first
				int kinds = hostile ? 21 : 11;
				int styles = hostile ? STYLES.length : STYLES.length - 2;
				rows.append(references ? "<row r=\"" + rowNumber + "\">" : "<row>");
				int cells = 1 + random.nextInt(6);
				for (int c = 0; c < cells; c++) {
					String reference = references ? " r=\"" + (char) ('A' + c) + rowNumber + "\"" : "";
					String style = STYLES[random.nextInt(styles)];
					rows.append(cell(random.nextInt(kinds), NUMBERS[random.nextInt(NUMBERS.length)],
							reference + (style == null ? "" : " s=\"" + style + "\""), random.nextInt(strings + 1)));
				}
				rows.append("</row>");
			}
			Map<String, String> parts = new LinkedHashMap<>();
			parts.put("[Content_Types].xml",
					"""
							<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
							<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
							<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
							<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
							</Types>""");
			parts.put("xl/workbook.xml", "<workbook xmlns=\"" + MAIN
					+ "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
					+ "<sheet name=\"学生\" sheetId=\"1\" r:id=\"rId1\"/>"
					+ "<sheet name=\"备用\" sheetId=\"2\" r:id=\"rId2\" state=\"hidden\"/></sheets></workbook>");
			parts.put("xl/_rels/workbook.xml.rels", """
					<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
					<Relationship Id="rId1" Type="t" Target="worksheets/sheet1.xml"/>\
					<Relationship Id="rId2" Type="t" Target="/xl/worksheets/sheet2.xml"/></Relationships>""");
			parts.put("xl/styles.xml", "<styleSheet xmlns=\"" + MAIN + "\"><numFmts count=\"2\">"
					+ "<numFmt numFmtId=\"164\" formatCode=\"#,##0.00\"/><numFmt numFmtId=\"165\" formatCode=\"yyyy/m/d\"/>"
					+ "</numFmts><cellStyleXfs><xf numFmtId=\"14\"/></cellStyleXfs><cellXfs count=\"4\"><xf numFmtId=\"0\"/>"
					+ "<xf numFmtId=\"164\"/><xf numFmtId=\"14\"/><xf numFmtId=\"165\"/><xf/></cellXfs></styleSheet>");
			parts.put("xl/sharedStrings.xml", "<sst xmlns=\"" + MAIN + "\">" + sst + "</sst>");
			parts.put("xl/worksheets/sheet1.xml",
					"<worksheet xmlns=\"" + MAIN + "\"><sheetData>" + rows + "</sheetData></worksheet>");
			parts.put("xl/worksheets/sheet2.xml", "<worksheet xmlns=\"" + MAIN
					+ "\"><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData></worksheet>");
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try (ZipOutputStream zip = new ZipOutputStream(out)) {
				for (Map.Entry<String, String> part : parts.entrySet()) {
					zip.putNextEntry(new ZipEntry(part.getKey()));
					zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
					zip.closeEntry();
				}
			}
			return out.toByteArray();
		}

		private static String cell(int kind, String number, String attributes, int string) {
			return switch (kind) {
				case 0 -> "<c" + attributes + " t=\"s\"><v>" + string + "</v></c>";
				case 1 -> "<c" + attributes + " t=\"s\"/>";
				case 2 -> "<c" + attributes + " t=\"inlineStr\"><is><t>其中:女</t></is></c>";
				case 3 -> "<c" + attributes + " t=\"inlineStr\"><is><r><t>#N/A</t></r></is><f>NA()</f></c>";
				case 4 -> "<c" + attributes + " t=\"b\"><v>" + string % 3 + "</v></c>";
				case 5 -> "<c" + attributes + " t=\"b\"/>";
				case 6 -> "<c" + attributes + " t=\"e\"><v>#DIV/0!</v></c>";
				case 7 -> "<c" + attributes + " t=\"str\"><f>\"合\"&amp;\"计\"</f><v>合计</v></c>";
				case 8 -> "<c" + attributes + " t=\"str\"><f>A1</f><v>#REF!</v></c>";
				case 9 -> "<c" + attributes + "><f>SUM(A1:A2)</f><v>" + number + "</v></c>";
				case 10 -> "<c" + attributes + "><v>" + number + "</v></c>";
				case 11 -> "<c" + attributes + " t=\"x\"><v>1</v></c>";
				case 12 -> "<c" + attributes + "><f/><v>" + number + "</v></c>";
				case 13 -> "<c" + attributes + "><f t=\"shared\" ref=\"A1:F12\" si=\"0\">B1+1</f><v>2</v></c>";
				case 14 -> "<c" + attributes + "><f t=\"shared\" si=\"0\"/><v>" + number + "</v></c>";
				case 15 -> "<c" + attributes + "><f t=\"array\" ref=\"A1:F3\">B1:B2*2</f><v>4</v></c>";
				case 16 -> "<c" + attributes + "><f>1+1</f></c>";
				case 17 -> "<c" + attributes + "/>";
				default -> "<c" + attributes + "><v>" + number + "</v></c>";
			};
		}

	}

}
