package org.edustat.normalise.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.edustat.core.FileFormat;
import org.edustat.core.Finding;
import org.edustat.core.Rejection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The .xlsx reader over packages written here as raw XML — neither POI nor the demo
 * generator made them — with every kind of cell Excel and other programs save: each
 * cell's text is asserted, as the normaliser receives it.
 */
class XlsxReaderTests {

	private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

	@TempDir
	Path dir;

	private final WorkbookReader reader = new WorkbookReader();

	@AfterEach
	void restoreLimits() {
		WorkbookReader.applySafetyLimits(100L * 1024 * 1024);
	}

	@Test
	void givesEveryKindOfCellAsTheNormaliserExpectsIt() throws IOException {
		Path file = write("cells.xlsx",
				pkg(List.of("学生"),
						Map.of(1,
								"""
										<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>其中:女</t></is></c></row>
										<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" s="1"><v>1234.5</v></c><c r="C2"><v>80</v></c>
										  <c r="D2" s="2"><v>45107</v></c><c r="E2"><v>1.5E-3</v></c></row>
										<row r="3"><c r="A3"><f>SUM(B2:C2)</f><v>38</v></c><c r="B3" t="str"><f>"合"&amp;"计"</f><v>合计</v></c>
										  <c r="C3" t="b"><f>1&gt;0</f><v>1</v></c><c r="D3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E3" t="e"><v>#N/A</v></c>
										  <c r="F3" t="b"><v>0</v></c></row>
										<row r="5"><c t="s"><v>3</v></c><c><v>7</v></c></row>
										"""),
						"""
								<si><t>年级</t></si><si><r><t>在校</t></r><r><rPr><b/></rPr><t>生数</t></r></si>
								<si><t>一年级</t><rPh sb="0" eb="1"><t>イチ</t></rPh></si><si><t>二年级</t></si>"""));

		RawWorkbook workbook = reader.read(file, FileFormat.XLSX, name -> true, ReadLimits.SUBMISSION);

		assertThat(workbook.sheetNames()).containsExactly("学生");
		Map<Integer, List<String>> rows = new LinkedHashMap<>();
		workbook.sheets().get(0).rows().forEach(row -> rows.put(row.index(), Arrays.asList(row.cells())));
		assertThat(rows).containsExactly(Map.entry(0, List.of("年级", "在校生数", "其中:女")),
				Map.entry(1, List.of("一年级", "1234.5", "80", RawSheet.DATE_MARK + "2023-06-30", "0.0015")),
				Map.entry(2, List.of("38", "合计", "TRUE", "ERROR:#DIV/0!", "ERROR:#N/A", "FALSE")),
				Map.entry(4, List.of("二年级", "7")));
	}

	@Test
	void computesFormulasSavedWithoutTheirResultsAndRefusesOneItCannotCompute() throws IOException {
		Path file = write("uncomputed.xlsx",
				pkg(List.of("学生"),
						Map.of(1,
								"""
										<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>30</v></c><c r="C1"><v>8</v></c><c r="D1"><f>SUM(B1:C1)</f></c>
										  <c r="E1"><f>D1*2</f><v/></c><c r="F1" t="str"><f>"合"&amp;"计"</f></c><c r="G1"><f>B1&gt;C1</f><v></v></c><c r="H1" t="str"><f>""</f><v></v></c>
										  <c r="I1"><f>B1-C1</f><v>22</v></c></row>
										"""),
						"<si><t>一年级</t></si>"));

		RawWorkbook workbook = reader.read(file, FileFormat.XLSX, name -> true, ReadLimits.SUBMISSION);

		assertThat(workbook.sheets().get(0).rows()).singleElement()
			.satisfies(row -> assertThat(row.cells()).containsExactly("一年级", "30", "8", "38", "76", "合计", "TRUE", null,
					"22"));

		Path unknown = write("unknown.xlsx", pkg(List.of("学生"), Map.of(1, """
				<row r="1"><c r="A1"><v>1</v></c></row>
				<row r="4"><c r="A4"><v>1</v></c><c r="C4"><f>NOSUCHFUNCTION(A1)</f></c></row>
				"""), ""));
		assertThatThrownBy(() -> reader.read(unknown, FileFormat.XLSX, name -> true, ReadLimits.SUBMISSION))
			.isInstanceOfSatisfying(Rejection.class,
					r -> assertThat(r.findings()).extracting(Finding::code, f -> f.cell().toString(), Finding::message)
						.containsExactly(tuple("F07", "学生!C4", "单元格的公式没有保存计算结果,也无法由本系统计算;请用 Excel 或 WPS 打开、保存后重新报送")));
	}

	@Test
	void listsTheSheetsWithoutInflatingThem() throws IOException {
		byte[] bomb = new byte[50 * 1024 * 1024];
		Arrays.fill(bomb, (byte) ' ');
		Path file = write("bomb.xlsx",
				pkg(List.of("区县", "学校名录"), Map.of(1, new String(bomb, StandardCharsets.US_ASCII)), ""));

		assertThat(reader.sheetNames(file, FileFormat.XLSX)).containsExactly("区县", "学校名录");
		assertThatThrownBy(() -> reader.read(file, FileFormat.XLSX, name -> true, ReadLimits.SUBMISSION))
			.isInstanceOfSatisfying(Rejection.class,
					r -> assertThat(r.findings()).extracting(Finding::code, Finding::message)
						.containsExactly(tuple("F04", "文件解压后大小异常(疑似压缩炸弹),拒绝读取")));
	}

	@Test
	void findsTheWorkbookPartWhereThePackageRelationshipsSayEvenUnderAnotherName() throws IOException {
		Map<String, String> parts = parts(List.of("年度目标", "学生"),
				Map.of(2, "<row r=\"1\"><c r=\"A1\"><v>7</v></c></row>"), "");
		parts.put("xl/book.xml", parts.remove("xl/workbook.xml"));
		parts.put("xl/_rels/book.xml.rels", parts.remove("xl/_rels/workbook.xml.rels"));
		parts.put("_rels/.rels",
				parts.get("_rels/.rels").replace("Target=\"xl/workbook.xml\"", "Target=\"/xl/book.xml\""));
		parts.put("[Content_Types].xml", parts.get("[Content_Types].xml").replace("/xl/workbook.xml", "/xl/book.xml"));
		Path file = write("renamed.xlsx", zip(parts));

		assertThat(reader.sheetNames(file, FileFormat.XLSX)).containsExactly("年度目标", "学生");
		assertThat(reader.read(file, FileFormat.XLSX, name -> name.equals("学生"), ReadLimits.SUBMISSION).sheets())
			.singleElement()
			.satisfies(sheet -> assertThat(sheet.rows().get(0).cell(0)).isEqualTo("7"));
	}

	@Test
	void listsTheSheetsOfAPackageWithoutRelationshipsFromTheUsualWorkbookPart() throws IOException {
		Map<String, String> parts = parts(List.of("学校名录", "区县"), Map.of(), "");
		parts.remove("_rels/.rels");
		Path file = write("no-rels.xlsx", zip(parts));

		assertThat(reader.sheetNames(file, FileFormat.XLSX)).containsExactly("学校名录", "区县");
	}

	@Test
	void refusesABombInTheWorkbookPartWhenListingTheSheets() throws IOException {
		byte[] bomb = new byte[50 * 1024 * 1024];
		Arrays.fill(bomb, (byte) ' ');
		Map<String, String> parts = parts(List.of("学生"), Map.of(), "");
		parts.put("xl/workbook.xml", parts.get("xl/workbook.xml")
			.replace("<sheets>", new String(bomb, StandardCharsets.US_ASCII) + "<sheets>"));
		Path file = write("bomb-in-workbook.xlsx", zip(parts));

		assertThatThrownBy(() -> reader.sheetNames(file, FileFormat.XLSX)).isInstanceOfSatisfying(Rejection.class,
				r -> assertThat(r.findings()).extracting(Finding::code).containsExactly("F04"));
	}

	@Test
	void refusesAPartLargerThanTheLimitWhateverItsRatio() throws IOException {
		WorkbookReader.applySafetyLimits(64 * 1024);
		StringBuilder rows = new StringBuilder();
		for (int r = 1; r <= 1_500; r++) {
			rows.append("<row r=\"")
				.append(r)
				.append("\"><c r=\"A")
				.append(r)
				.append("\"><v>")
				.append(r * 7919L % 100_003)
				.append("</v></c></row>");
		}
		Path file = write("large.xlsx", pkg(List.of("学生"), Map.of(1, rows.toString()), ""));

		assertThatThrownBy(() -> reader.read(file, FileFormat.XLSX, name -> true, ReadLimits.SUBMISSION))
			.isInstanceOfSatisfying(Rejection.class,
					r -> assertThat(r.findings()).extracting(Finding::code).containsExactly("F04"));
	}

	@Test
	void refusesAPackageOfTooManyPartsAndABinaryWorkbook() throws IOException {
		Map<String, String> parts = parts(List.of("学生"), Map.of(1, ""), "");
		for (int i = 0; i < ZipGuard.MAX_PARTS; i++) {
			parts.put("customXml/item" + i + ".xml", "<a/>");
		}
		Path many = write("many.xlsx", zip(parts));
		Map<String, String> binary = parts(List.of("学生"), Map.of(1, ""), "");
		binary.put("xl/workbook.bin", "binary");
		Path xlsb = write("book.xlsx", zip(binary));

		assertThatThrownBy(() -> reader.read(many, FileFormat.XLSX, name -> true, ReadLimits.SUBMISSION))
			.isInstanceOfSatisfying(Rejection.class,
					r -> assertThat(r.findings()).extracting(Finding::code, Finding::message)
						.containsExactly(tuple("F06", "工作簿中的工作表或部件过多(超过1000个),不是学校统计报表")));
		assertThatThrownBy(() -> reader.sheetNames(xlsb, FileFormat.XLSX)).isInstanceOfSatisfying(Rejection.class,
				r -> assertThat(r.findings()).extracting(Finding::code).containsExactly("F01"));
	}

	@Test
	void refusesASharedStringTableTooLargeToHoldBeforeAnyReaderHoldsIt() throws IOException {
		// 9 million random characters in 300 shared strings: they do not compress a
		// hundredfold, so only their size tells
		StringBuilder huge = new StringBuilder("<sst xmlns=\"" + MAIN + "\" count=\"1\" uniqueCount=\"1\">");
		Random random = new Random(7);
		for (int i = 0; i < 9_000_000; i++) {
			if (i % 30_000 == 0) {
				huge.append(i == 0 ? "<si><t>" : "</t></si><si><t>");
			}
			huge.append((char) ('a' + random.nextInt(26)));
		}
		huge.append("</t></si></sst>");
		Path file = write("sst.xlsx",
				pkg(List.of("学生"), Map.of(1, "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"), huge.toString()));

		assertThatThrownBy(() -> reader.read(file, FileFormat.XLSX, name -> true, ReadLimits.SUBMISSION))
			.isInstanceOfSatisfying(Rejection.class,
					r -> assertThat(r.findings()).extracting(Finding::code, Finding::message)
						.containsExactly(tuple("F06", "工作簿的部件「xl/sharedStrings.xml」解压后超过8MB(共享字符串或工作簿信息过大),不是学校统计报表")));
	}

	@Test
	void refusesATokenLongerThanAnyCellBeforeTheParserHoldsItAndReadsTheLongestCellExcelAllows() throws IOException {
		// random letters (they compress about fivefold, far from a bomb), with what may
		// split a text in other readers' eyes: '>' in a text, '<' inside CDATA
		Random random = new Random(11);
		StringBuilder letters = new StringBuilder();
		StringBuilder arrows = new StringBuilder();
		StringBuilder cdata = new StringBuilder();
		for (int i = 0; i < 300_000; i++) {
			char c = (char) ('a' + random.nextInt(26));
			letters.append(c);
			arrows.append(random.nextInt(4) == 0 ? '>' : c);
			cdata.append(random.nextInt(4) == 0 ? '<' : c);
		}
		Map<String, String> cells = Map.of("text",
				"<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + letters + "</t></is></c></row>", "arrows",
				"<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + arrows + "</t></is></c></row>", "cdata",
				"<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t><![CDATA[" + cdata + "]]></t></is></c></row>",
				"attribute", "<row r=\"1\"><c r=\"A1\" x=\"" + letters + "\"><v>1</v></c></row>");
		for (Map.Entry<String, String> cell : cells.entrySet()) {
			Path file = write(cell.getKey() + ".xlsx", pkg(List.of("学生"), Map.of(1, cell.getValue()), ""));
			assertThatThrownBy(() -> reader.read(file, FileFormat.XLSX, name -> true, ReadLimits.SUBMISSION))
				.as(cell.getKey())
				.isInstanceOfSatisfying(Rejection.class,
						r -> assertThat(r.findings()).extracting(Finding::code, Finding::message)
							.containsExactly(tuple("F06",
									"工作簿的部件「xl/worksheets/sheet1.xml」中有一段文字或标记超过256KB(单元格最多32767个字符),不是学校统计报表的内容")));
		}
		// the longest text Excel lets a cell hold, every character escaped or three bytes
		// long: read whole
		StringBuilder longest = new StringBuilder();
		StringBuilder escaped = new StringBuilder();
		String[] kinds = { "&", "<", "\"", "学", "生" };
		for (int i = 0; i < GridBuilder.MAX_CELL_TEXT; i++) {
			String c = kinds[random.nextInt(kinds.length)];
			longest.append(c);
			escaped.append(switch (c) {
				case "&" -> "&amp;";
				case "<" -> "&lt;";
				case "\"" -> "&quot;";
				default -> c;
			});
		}
		Path file = write("longest.xlsx", pkg(List.of("学生"),
				Map.of(1, "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + escaped + "</t></is></c></row>"), ""));
		RawWorkbook workbook = reader.read(file, FileFormat.XLSX, name -> true, ReadLimits.SUBMISSION);
		assertThat(workbook.sheets().get(0).rows().get(0).cell(0)).isEqualTo(longest.toString());
	}

	@Test
	void refusesAWorkbookListingMoreSheetsThanTheLimit() throws IOException {
		List<String> names = new ArrayList<>();
		for (int i = 0; i <= ZipGuard.MAX_SHEETS; i++) {
			names.add("表" + i);
		}
		Map<String, String> parts = parts(List.of("学生"), Map.of(1, ""), "");
		StringBuilder workbook = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + MAIN
				+ "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>");
		for (int i = 0; i < names.size(); i++) {
			workbook.append("<sheet name=\"")
				.append(names.get(i))
				.append("\" sheetId=\"")
				.append(i + 1)
				.append("\" r:id=\"rId1\"/>");
		}
		parts.put("xl/workbook.xml", workbook.append("</sheets></workbook>").toString());
		Path file = write("flood.xlsx", zip(parts));

		assertThatThrownBy(() -> reader.sheetNames(file, FileFormat.XLSX)).isInstanceOfSatisfying(Rejection.class,
				r -> assertThat(r.findings()).extracting(Finding::code).containsExactly("F06"));
		assertThatThrownBy(() -> reader.read(file, FileFormat.XLSX, name -> true, ReadLimits.SUBMISSION))
			.isInstanceOfSatisfying(Rejection.class,
					r -> assertThat(r.findings()).extracting(Finding::code).containsExactly("F06"));
	}

	@Test
	void namesAnOpenDocumentAWordFileAndStrictOpenXmlAsFormatsItDoesNotReadRatherThanCorrupt() throws IOException {
		Map<String, String> ods = new LinkedHashMap<>();
		ods.put("mimetype", "application/vnd.oasis.opendocument.spreadsheet");
		ods.put("content.xml", "<office:document-content/>");
		Map<String, String> docx = new LinkedHashMap<>();
		docx.put("[Content_Types].xml", "<Types/>");
		docx.put("word/document.xml", "<w:document/>");
		Map<String, String> strict = parts(List.of("学生"), Map.of(1, ""), "");
		strict.put("xl/workbook.xml",
				strict.get("xl/workbook.xml").replace(MAIN, "http://purl.oclc.org/ooxml/spreadsheetml/main"));
		Map<String, String> expected = Map.of("ods", "OpenDocument 电子表格(.ods)不受支持,请另存为 Excel 工作簿(.xlsx)后重新报送", "docx",
				"文件是 Word 文档(.docx),不是 Excel 工作簿,请报送统计报表工作簿", "strict",
				"工作簿以「Strict Open XML」格式保存,不受支持,请在 Excel 中另存为「Excel 工作簿(.xlsx)」后重新报送");
		Map<String, Map<String, String>> packages = Map.of("ods", ods, "docx", docx, "strict", strict);
		for (Map.Entry<String, Map<String, String>> p : packages.entrySet()) {
			Path file = write(p.getKey() + ".xlsx", zip(p.getValue()));
			assertThatThrownBy(() -> reader.read(file, FileFormat.XLSX, name -> true, ReadLimits.SUBMISSION))
				.as(p.getKey())
				.isInstanceOfSatisfying(Rejection.class,
						r -> assertThat(r.findings()).extracting(Finding::code, Finding::message)
							.containsExactly(tuple("F01", expected.get(p.getKey()))));
		}
	}

	private Path write(String name, byte[] bytes) throws IOException {
		return Files.write(dir.resolve(name), bytes);
	}

	private static byte[] pkg(List<String> sheets, Map<Integer, String> sheetData, String sharedStrings)
			throws IOException {
		return zip(parts(sheets, sheetData, sharedStrings));
	}

	/**
	 * A minimal package as Excel writes it: content types, relationships, workbook,
	 * styles, shared strings, sheets.
	 */
	private static Map<String, String> parts(List<String> sheets, Map<Integer, String> sheetData,
			String sharedStrings) {
		Map<String, String> parts = new LinkedHashMap<>();
		StringBuilder types = new StringBuilder(
				"""
						<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
						<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
						<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
						<Default Extension="xml" ContentType="application/xml"/>
						<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
						<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
						<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
						""");
		StringBuilder workbook = new StringBuilder(
				"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><workbook xmlns=\"" + MAIN
						+ "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>");
		StringBuilder rels = new StringBuilder(
				"""
						<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
						<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
						<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
						<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
						""");
		for (int i = 1; i <= sheets.size(); i++) {
			types.append("<Override PartName=\"/xl/worksheets/sheet")
				.append(i)
				.append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
			workbook.append("<sheet name=\"")
				.append(sheets.get(i - 1))
				.append("\" sheetId=\"")
				.append(i)
				.append("\" r:id=\"rId")
				.append(i)
				.append("\"/>");
			rels.append("<Relationship Id=\"rId")
				.append(i)
				.append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet")
				.append(i)
				.append(".xml\"/>");
			parts.put("xl/worksheets/sheet" + i + ".xml",
					"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + MAIN + "\"><sheetData>"
							+ sheetData.getOrDefault(i, "") + "</sheetData></worksheet>");
		}
		parts.put("[Content_Types].xml", types.append("</Types>").toString());
		parts.put("_rels/.rels",
				"""
						<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
						<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
						<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
						</Relationships>""");
		parts.put("xl/workbook.xml", workbook.append("</sheets></workbook>").toString());
		parts.put("xl/_rels/workbook.xml.rels", rels.append("</Relationships>").toString());
		parts.put("xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"" + MAIN + "\">"
				+ "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"#,##0.00\"/></numFmts>"
				+ "<cellXfs count=\"3\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\" applyNumberFormat=\"1\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/></cellXfs>"
				+ "</styleSheet>");
		parts.put("xl/sharedStrings.xml",
				"<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + MAIN + "\">" + sharedStrings + "</sst>");
		return parts;
	}

	private static byte[] zip(Map<String, String> parts) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.setLevel(Deflater.BEST_COMPRESSION);
			for (Map.Entry<String, String> part : parts.entrySet()) {
				zip.putNextEntry(new ZipEntry(part.getKey()));
				zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

}
