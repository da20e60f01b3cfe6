package org.edustat.normalise.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.aalto.stax.InputFactoryImpl;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.dhatim.fastexcel.reader.SheetVisibility;
import org.jspecify.annotations.Nullable;

/**
 * Reads .xlsx with dhatim's fastexcel-reader (StAX over the package's XML, shared strings
 * read only as far as a cell needs): cached formula results, no workbook model. The
 * package passes {@link ZipGuard} first. Gives the same text for a cell as the reader of
 * .xls: numbers in plain notation, dates marked, errors as {@code ERROR:#…}.
 */
final class XlsxReader {

	private static final ReadingOptions WITH_FORMATS = new ReadingOptions(true, true);

	/**
	 * Aalto's StAX parser, which fastexcel-reader parses the sheets with: the JDK's took
	 * as long to make a reader as to read a workbook part's few sheet names.
	 */
	private static final XMLInputFactory XML = new InputFactoryImpl();

	static {
		XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
	}

	private static final String OFFICE_DOCUMENT = "/officeDocument";

	private static final String PACKAGE_RELATIONSHIPS = "_rels/.rels";

	/**
	 * The workbook's sheet names in order, read from its workbook part alone — found as
	 * the package's relationships say, {@code xl/workbook.xml} when it has none: one
	 * opening of the package, two small parts inflated through {@link ZipGuard}'s limits,
	 * nothing else parsed.
	 */
	List<String> sheetNames(Path file) throws IOException {
		try (ZipFile zip = ZipGuard.open(file)) {
			String workbookPart = "xl/workbook.xml";
			List<Map<String, String>> relationships = zip.getEntry(PACKAGE_RELATIONSHIPS) == null ? List.of()
					: elements(zip, PACKAGE_RELATIONSHIPS, "Relationship");
			for (Map<String, String> relationship : relationships) {
				if (String.valueOf(relationship.get("Type")).endsWith(OFFICE_DOCUMENT)
						&& relationship.get("Target") != null) {
					workbookPart = relationship.get("Target").replaceFirst("^/", "");
				}
			}
			List<String> names = elements(zip, workbookPart, "sheet").stream().map(sheet -> sheet.get("name")).toList();
			if (names.size() > ZipGuard.MAX_SHEETS) {
				throw new ZipGuard.UnsafePackageException(false,
						"sheet count " + names.size() + " exceeds " + ZipGuard.MAX_SHEETS);
			}
			return names;
		}
	}

	/**
	 * The attributes of every element of the given local name in a part, in document
	 * order — at most one more than a workbook may list sheets, which is enough to refuse
	 * it.
	 */
	private static List<Map<String, String>> elements(ZipFile zip, String part, String name) throws IOException {
		ZipEntry entry = zip.getEntry(part);
		if (entry == null) {
			throw new IOException("part " + part + " missing");
		}
		List<Map<String, String>> found = new ArrayList<>();
		try (InputStream in = ZipGuard.inflate(zip, entry)) {
			XMLStreamReader xml = XML.createXMLStreamReader(in);
			try {
				while (xml.hasNext()) {
					if (found.size() > ZipGuard.MAX_SHEETS) {
						break;
					}
					if (xml.next() == XMLStreamConstants.START_ELEMENT && name.equals(xml.getLocalName())) {
						Map<String, String> attributes = new HashMap<>();
						for (int i = 0; i < xml.getAttributeCount(); i++) {
							attributes.put(xml.getAttributeLocalName(i), xml.getAttributeValue(i));
						}
						found.add(attributes);
					}
				}
			}
			finally {
				xml.close();
			}
		}
		catch (XMLStreamException ex) {
			throw new IOException("part " + part + " is not well-formed XML: " + ex.getMessage(), ex);
		}
		return found;
	}

	RawWorkbook read(Path file, Predicate<String> wanted, ReadLimits limits) throws IOException {
		try {
			return streamed(file, wanted, limits);
		}
		catch (UncomputedFormulaException ex) {
			return FormulaComputer.read(file, wanted, limits, ex);
		}
	}

	private RawWorkbook streamed(Path file, Predicate<String> wanted, ReadLimits limits) throws IOException {
		// the guard's package stays open while the reader opens its own: the JDK reads
		// the central directory once for both
		try (ZipFile guarded = ZipGuard.checked(file);
				ReadableWorkbook workbook = new ReadableWorkbook(file.toFile(), WITH_FORMATS)) {
			List<String> names = new ArrayList<>();
			List<RawSheet> parsed = new ArrayList<>();
			List<Sheet> sheets = workbook.getSheets().toList();
			if (sheets.size() > ZipGuard.MAX_SHEETS) {
				throw new ZipGuard.UnsafePackageException(false,
						"sheet count " + sheets.size() + " exceeds " + ZipGuard.MAX_SHEETS);
			}
			for (Sheet sheet : sheets) {
				names.add(sheet.getName());
				if (wanted.test(sheet.getName())) {
					parsed.add(parseSheet(sheet, limits, workbook.isDate1904()));
				}
			}
			return new RawWorkbook(names, parsed);
		}
	}

	private RawSheet parseSheet(Sheet sheet, ReadLimits limits, boolean date1904) throws IOException {
		GridBuilder grid = new GridBuilder(sheet.getName(), limits);
		try (Stream<Row> rows = sheet.openStream()) {
			rows.forEach(row -> {
				grid.startRow(row.getRowNum() - 1);
				for (int i = 0; i < row.getCellCount(); i++) {
					Cell cell = row.getCell(i);
					if (cell != null) {
						grid.cell(cell.getColumnIndex(), text(sheet.getName(), cell, date1904));
					}
				}
				grid.endRow();
			});
		}
		return grid.build(sheet.getVisibility() != SheetVisibility.VISIBLE);
	}

	private static @Nullable String text(String sheet, Cell cell, boolean date1904) {
		Object value = cell.getValue();
		return switch (cell.getType()) {
			case EMPTY -> null;
			case ERROR -> "ERROR:" + cell.getRawValue();
			case BOOLEAN -> Boolean.TRUE.equals(value) ? "TRUE" : "FALSE";
			case STRING -> value == null ? null : value.toString();
			case NUMBER -> number(cell, (BigDecimal) value, date1904);
			case FORMULA -> {
				// no result saved: no <v> at all, or an empty one (<v/>, as openpyxl
				// writes), which only a text result may be
				if ((cell.getRawValue() == null || cell.getRawValue().isEmpty()) && !(value instanceof String)) {
					throw new UncomputedFormulaException(sheet, cell.getAddress().getRow(), cell.getColumnIndex(),
							null);
				}
				yield formulaResult(cell, value, date1904);
			}
		};
	}

	/**
	 * A formula's cached result: the number, text, truth value or error Excel saved with
	 * it.
	 */
	private static @Nullable String formulaResult(Cell cell, Object value, boolean date1904) {
		if (value instanceof BigDecimal number) {
			return number(cell, number, date1904);
		}
		if (value instanceof Boolean truth) {
			return truth ? "TRUE" : "FALSE";
		}
		if (value instanceof String text && text.startsWith("#") && isError(text)) {
			return "ERROR:" + text;
		}
		return value == null ? null : value.toString();
	}

	private static boolean isError(String text) {
		return switch (text) {
			case "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A" -> true;
			default -> false;
		};
	}

	private static @Nullable String number(Cell cell, BigDecimal value, boolean date1904) {
		if (value == null) {
			return null;
		}
		Integer format = cell.getDataFormatId();
		return format == null ? RawValueFormatter.plain(value.doubleValue())
				: RawValueFormatter.numeric(value.doubleValue(), format, cell.getDataFormatString(), date1904);
	}

}
