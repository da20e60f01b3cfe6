package org.edustat.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;
import org.edustat.core.FileFormat;
import org.edustat.core.Period;
import org.edustat.demo.DemoSchool;
import org.edustat.demo.SubmissionWorkbook;

/**
 * Mutants of a school's workbook for the fuzzing harness: truncated, bytes flipped in the
 * zip and in its XML, enormous and odd Unicode strings, huge, negative, NaN and exponent
 * numbers, dates and booleans where numbers belong, duplicated and renamed sheets,
 * thousands of sheets or rows, path characters in names. Seeded: the same seed gives the
 * same mutants.
 */
public final class Mutants {

	/** One mutant: the file name it is sent under, its bytes, and what was done to it. */
	public record Mutant(String fileName, byte[] bytes, String kind) {
	}

	static final List<String> KINDS = List.of("truncated", "byte flips", "xml flips", "huge shared string",
			"odd unicode", "huge number", "negative number", "nan and exponent text", "date and boolean in numbers",
			"duplicated sheet", "renamed sheet", "thousands of sheets", "thousands of rows", "path characters in names",
			"empty formatted row", "huge text cell", "xls truncated", "xls byte flips", "long file name",
			"deleted xml entry", "hidden look-alike sheet", "sheet flood in the workbook part", "strict open xml",
			"opendocument", "shared strings too large to hold");

	private Mutants() {
	}

	public static int kinds() {
		return KINDS.size();
	}

	public static Mutant of(int index, DemoSchool school, Period period, long seed) {
		Random random = new Random(seed * 7919 + index);
		String kind = KINDS.get(index % KINDS.size());
		SubmissionWorkbook base = Workbooks.submission(school, period);
		String name = String.format("mutant-%05d.xlsx", index);
		byte[] bytes = switch (kind) {
			case "truncated" -> truncate(base.bytes(), random);
			case "byte flips" -> flip(base.bytes(), random, 1 + random.nextInt(20));
			case "xml flips" ->
				rezip(base.bytes(), (entry, xml) -> entry.startsWith("xl/worksheets/") ? flipText(xml, random) : xml);
			case "huge shared string" -> rezip(base.bytes(), (entry, xml) -> entry.equals("xl/sharedStrings.xml")
					? xml.replaceFirst("<t>([^<]*)</t>", "<t>" + "长".repeat(1 + random.nextInt(16_000_000)) + "</t>")
					: xml);
			case "odd unicode" -> tamper(base, wb -> {
				set(wb, "基本情况", 1, 1, "\u202e学校\u200b\ud83d\ude00名称\u0301" + "\u0000".repeat(3));
				set(wb, "学生", 0, 2, "在校\u200d生数\ufeff");
			});
			case "huge number" ->
				tamper(base, wb -> number(wb, random, random.nextBoolean() ? 1e308 : 123456789012345678d));
			case "negative number" -> tamper(base, wb -> number(wb, random, -1 - random.nextInt(1000)));
			case "nan and exponent text" -> tamper(base,
					wb -> text(wb, random, List.of("NaN", "1e5", "-Infinity", "1,2,3", "0x1F").get(random.nextInt(5))));
			case "date and boolean in numbers" -> tamper(base, wb -> {
				Cell cell = cell(wb, random);
				if (random.nextBoolean()) {
					cell.setCellValue(true);
				}
				else {
					cell.setCellValue(LocalDate.of(2023, 6, 30));
					var style = wb.createCellStyle();
					style.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
					cell.setCellStyle(style);
				}
			});
			case "duplicated sheet" -> tamper(base, wb -> wb.cloneSheet(wb.getSheetIndex("学生")));
			case "renamed sheet" ->
				tamper(base, wb -> wb.setSheetName(wb.getSheetIndex(random.nextBoolean() ? "教职工" : "学生"),
						random.nextBoolean() ? "教工" : "学生 名单"));
			case "thousands of sheets" -> tamper(base, wb -> {
				for (int i = 0; i < 1_100; i++) {
					wb.createSheet("附表" + i);
				}
			});
			case "thousands of rows" -> tamper(base, wb -> {
				Sheet sheet = wb.getSheet("学生");
				for (int r = 30; r < 2_500 + random.nextInt(2_000); r++) {
					sheet.createRow(r).createCell(0).setCellValue("备注" + r);
				}
			});
			case "path characters in names" -> {
				name = String.format("mutant-%05d..:*?<>|\\.xlsx", index);
				yield Workbooks.submission(school, period).basic("学校名称", "../../../" + "伪造/报表" + index).bytes();
			}
			case "empty formatted row" -> tamper(base, wb -> {
				Row row = wb.getSheet("学生").createRow(2_999);
				var style = wb.createCellStyle();
				style.setFillForegroundColor((short) 13);
				row.setRowStyle(style);
			});
			case "huge text cell" -> rezip(base.bytes(), (entry, xml) -> entry.equals("xl/sharedStrings.xml")
					? xml.replace("<t>一年级</t>", "<t>一年级" + "x".repeat(40_000) + "</t>") : xml);
			case "xls truncated" -> {
				name = String.format("mutant-%05d.xls", index);
				yield truncate(Workbooks.submission(school, period).format(FileFormat.XLS).bytes(), random);
			}
			case "xls byte flips" -> {
				name = String.format("mutant-%05d.xls", index);
				yield flip(Workbooks.submission(school, period).format(FileFormat.XLS).bytes(), random,
						1 + random.nextInt(40));
			}
			case "long file name" -> {
				name = "很长的文件名".repeat(13) + index + ".xlsx";
				yield base.bytes();
			}
			case "deleted xml entry" -> rezip(base.bytes(), (entry,
					xml) -> entry.equals("xl/styles.xml") || entry.equals("xl/workbook.xml") && random.nextBoolean()
							? null : xml);
			case "hidden look-alike sheet" -> tamper(base, wb -> {
				Sheet copy = wb.cloneSheet(wb.getSheetIndex("学生"));
				wb.setSheetName(wb.getSheetIndex(copy), random.nextBoolean() ? "学生 " : "学生表");
				copy.getRow(1).getCell(2, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue(99_999);
				wb.setSheetOrder(copy.getSheetName(), 0);
				wb.setActiveSheet(1);
				wb.setFirstVisibleTab(1);
				wb.setSheetVisibility(0, random.nextBoolean() ? SheetVisibility.HIDDEN : SheetVisibility.VERY_HIDDEN);
			});
			case "sheet flood in the workbook part" -> rezip(base.bytes(), (entry, xml) -> {
				if (!entry.equals("xl/workbook.xml")) {
					return xml;
				}
				StringBuilder flood = new StringBuilder();
				for (int i = 0; i < 1_500 + random.nextInt(20_000); i++) {
					flood.append("<sheet name=\"s")
						.append(i)
						.append("\" sheetId=\"")
						.append(1000 + i)
						.append("\" r:id=\"rId1\"/>");
				}
				return xml.replace("</sheets>", flood + "</sheets>");
			});
			case "strict open xml" -> rezip(base.bytes(),
					(entry, xml) -> entry.equals("xl/workbook.xml")
							? xml.replace("http://schemas.openxmlformats.org/spreadsheetml/2006/main",
									"http://purl.oclc.org/ooxml/spreadsheetml/main")
							: xml);
			case "opendocument" -> openDocument(random);
			case "shared strings too large to hold" -> rezip(base.bytes(), (entry, xml) -> {
				if (!entry.equals("xl/sharedStrings.xml")) {
					return xml;
				}
				StringBuilder noise = new StringBuilder();
				for (int i = 0; i < 8_500_000 + random.nextInt(500_000); i++) {
					noise.append((char) ('a' + random.nextInt(26)));
				}
				return xml.replace("</sst>", "<si><t>" + noise + "</t></si></sst>");
			});
			default -> throw new IllegalStateException(kind);
		};
		return new Mutant(name, bytes, kind);
	}

	private static byte[] truncate(byte[] bytes, Random random) {
		return Arrays.copyOf(bytes, 1 + random.nextInt(bytes.length - 1));
	}

	private static byte[] flip(byte[] bytes, Random random, int count) {
		byte[] copy = bytes.clone();
		for (int i = 0; i < count; i++) {
			copy[random.nextInt(copy.length)] ^= (byte) (1 + random.nextInt(255));
		}
		return copy;
	}

	private static String flipText(String xml, Random random) {
		char[] chars = xml.toCharArray();
		for (int i = 0; i < 1 + random.nextInt(10); i++) {
			String noise = "<>&\"'/=x9\u0000";
			chars[random.nextInt(chars.length)] = noise.charAt(random.nextInt(noise.length()));
		}
		return new String(chars);
	}

	private interface XmlChange {

		/** The new text of an entry, or null to leave the entry out. */
		String apply(String entry, String xml);

	}

	/** A zip as an OpenDocument spreadsheet is, named .xlsx. */
	private static byte[] openDocument(Random random) {
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(buffer)) {
			out.putNextEntry(new ZipEntry("mimetype"));
			out.write("application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII));
			out.closeEntry();
			out.putNextEntry(new ZipEntry("content.xml"));
			out.write(("<office:document-content>" + random.nextInt() + "</office:document-content>")
				.getBytes(StandardCharsets.UTF_8));
			out.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return buffer.toByteArray();
	}

	private static byte[] rezip(byte[] xlsx, XmlChange change) {
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
			ByteArrayOutputStream buffer = new ByteArrayOutputStream();
			try (ZipOutputStream out = new ZipOutputStream(buffer)) {
				for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
					byte[] content = in.readAllBytes();
					if (entry.getName().endsWith(".xml")) {
						String changed = change.apply(entry.getName(), new String(content, StandardCharsets.UTF_8));
						if (changed == null) {
							continue;
						}
						content = changed.getBytes(StandardCharsets.UTF_8);
					}
					out.putNextEntry(new ZipEntry(entry.getName()));
					out.write(content);
					out.closeEntry();
				}
			}
			return buffer.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] tamper(SubmissionWorkbook base, Consumer<Workbook> change) {
		return base.tamper(change).bytes();
	}

	private static void set(Workbook wb, String sheet, int row, int column, String text) {
		Sheet s = wb.getSheet(sheet);
		Row r = s.getRow(row) == null ? s.createRow(row) : s.getRow(row);
		r.createCell(column).setCellValue(text);
	}

	private static Cell cell(Workbook wb, Random random) {
		String[] sheets = { "学生", "教职工", "学生健康" };
		Sheet sheet = wb.getSheet(sheets[random.nextInt(sheets.length)]);
		Row row = sheet.getRow(1 + random.nextInt(Math.max(1, sheet.getLastRowNum())));
		if (row == null) {
			row = sheet.getRow(1);
		}
		return row.getCell(1 + random.nextInt(Math.max(1, row.getLastCellNum() - 1)),
				Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
	}

	private static void number(Workbook wb, Random random, double value) {
		cell(wb, random).setCellValue(value);
	}

	private static void text(Workbook wb, Random random, String value) {
		cell(wb, random).setCellValue(value);
	}

}
