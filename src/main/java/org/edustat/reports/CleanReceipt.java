package org.edustat.reports;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.edustat.normalise.Explanations;

/**
 * The 回执 of a submission without findings: one sheet, 审核结果, with its heading (受理), the
 * summary and the header of the empty list, laid out as
 * {@link FeedbackMarks#findingsSheet} lays out the sheet of a 回执 with findings (the
 * heading lines spanning the page and wrapped, the same columns, one A4 page wide). A run
 * writes one for nearly every file, thousands at scale: written here as the few small
 * parts of an .xlsx package, every part stored as it is: 0.1 ms a receipt, where POI's
 * workbook model cost 5 ms, fastexcel's writer 2 ms, and deflating the sheet and the
 * properties (a few kilobytes saved a receipt) nearly doubled it (docs/benchmarks.md).
 */
final class CleanReceipt {

	private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

	private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

	private static final String CONTENT_TYPES = """
			<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
			<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
			<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
			<Default Extension="xml" ContentType="application/xml"/>\
			<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
			<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
			<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
			<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
			</Types>""";

	private static final String PACKAGE_RELATIONSHIPS = """
			<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
			<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
			<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
			<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
			</Relationships>""";

	private static final String WORKBOOK = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook xmlns=\""
			+ MAIN + "\" xmlns:r=\"" + RELATIONSHIPS + "\"><sheets><sheet name=\"" + Explanations.SHEET
			+ "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";

	private static final String WORKBOOK_RELATIONSHIPS = """
			<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
			<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
			<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
			<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
			</Relationships>""";

	/** Styles: 0 the default, 1 the bold 13 pt title, 2 wrapped at the top. */
	private static final String STYLES = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<styleSheet xmlns=\""
			+ MAIN
			+ "\"><fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"13\"/><name val=\"Calibri\"/></font></fonts>"
			+ "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
			+ "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
			+ "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
			+ "<cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
			+ "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
			+ "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment wrapText=\"1\" vertical=\"top\"/></xf>"
			+ "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>";

	private CleanReceipt() {
	}

	/**
	 * The parts every clean receipt has alike, their bytes and checksums computed once.
	 */
	private static final List<Stored> ALIKE = List.of(Stored.of("[Content_Types].xml", CONTENT_TYPES),
			Stored.of("_rels/.rels", PACKAGE_RELATIONSHIPS), Stored.of("xl/workbook.xml", WORKBOOK),
			Stored.of("xl/_rels/workbook.xml.rels", WORKBOOK_RELATIONSHIPS), Stored.of("xl/styles.xml", STYLES));

	/**
	 * Writes the receipt to a file; {@code source} (the SHA-256 of the file it answers)
	 * goes into its keywords.
	 */
	static void write(Path file, List<String> heading, String summary, String source) throws IOException {
		try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
			for (Stored part : ALIKE) {
				part.write(zip);
			}
			Stored.of("docProps/core.xml",
					"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties "
							+ "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
							+ "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator>EduStat</dc:creator><cp:keywords>"
							+ escape(ReceiptNames.SOURCE + source) + "</cp:keywords></cp:coreProperties>")
				.write(zip);
			Stored.of("xl/worksheets/sheet1.xml", sheet(heading, summary)).write(zip);
		}
	}

	/** A part written stored (not deflated). */
	private record Stored(String name, byte[] bytes, long crc) {

		static Stored of(String name, String content) {
			byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
			CRC32 crc = new CRC32();
			crc.update(bytes);
			return new Stored(name, bytes, crc.getValue());
		}

		void write(ZipOutputStream zip) throws IOException {
			ZipEntry entry = new ZipEntry(name);
			entry.setMethod(ZipEntry.STORED);
			entry.setSize(bytes.length);
			entry.setCompressedSize(bytes.length);
			entry.setCrc(crc);
			zip.putNextEntry(entry);
			zip.write(bytes);
			zip.closeEntry();
		}

	}

	private static String sheet(List<String> heading, String summary) {
		int[] widths = FeedbackMarks.RECEIPT_WIDTHS;
		String last = String.valueOf((char) ('A' + widths.length - 1));
		StringBuilder xml = new StringBuilder(
				"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"")
			.append(MAIN)
			.append("\" xmlns:r=\"")
			.append(RELATIONSHIPS)
			.append("\"><sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr><cols>");
		for (int c = 0; c < widths.length; c++) {
			xml.append("<col min=\"")
				.append(c + 1)
				.append("\" max=\"")
				.append(c + 1)
				.append("\" width=\"")
				.append(widths[c])
				.append("\" customWidth=\"1\"/>");
		}
		xml.append("</cols><sheetData>");
		for (int r = 0; r < heading.size(); r++) {
			xml.append("<row r=\"").append(r + 1).append('"');
			if (r > 0) {
				xml.append(" ht=\"")
					.append(SummarySheet.LINE_HEIGHT
							* FeedbackMarks.linesAcross(heading.get(r), FeedbackMarks.RECEIPT_WIDTH))
					.append("\" customHeight=\"1\"");
			}
			xml.append('>');
			text(xml, "A" + (r + 1), heading.get(r), r == 0 ? 1 : 2);
			xml.append("</row>");
		}
		int top = heading.size();
		xml.append("<row r=\"").append(top + 1).append("\">");
		text(xml, "A" + (top + 1), summary, 0);
		xml.append("</row><row r=\"").append(top + 2).append("\">");
		for (int c = 0; c < FeedbackWorkbooks.HEADER.size(); c++) {
			text(xml, (char) ('A' + c) + String.valueOf(top + 2), FeedbackWorkbooks.HEADER.get(c), 0);
		}
		xml.append("</row></sheetData><mergeCells count=\"").append(heading.size()).append("\">");
		for (int r = 1; r <= heading.size(); r++) {
			xml.append("<mergeCell ref=\"A").append(r).append(':').append(last).append(r).append("\"/>");
		}
		return xml.append(
				"</mergeCells><pageMargins left=\"0.4\" right=\"0.4\" top=\"0.5\" bottom=\"0.5\" header=\"0.3\" footer=\"0.3\"/>")
			.append("<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/></worksheet>")
			.toString();
	}

	private static void text(StringBuilder xml, String cell, String text, int style) {
		xml.append("<c r=\"")
			.append(cell)
			.append("\" t=\"inlineStr\"")
			.append(style == 0 ? "" : " s=\"" + style + "\"")
			.append("><is><t>")
			.append(escape(text))
			.append("</t></is></c>");
	}

	/**
	 * Text as XML content: markup characters escaped, characters XML does not allow
	 * dropped.
	 */
	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach(c -> {
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				default -> {
					if (c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
							|| c >= 0x10000) {
						out.appendCodePoint(c);
					}
				}
			}
		});
		return out.toString();
	}

}
