package org.edustat.normalise.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads .xlsx by StAX (Aalto) over the package's parts as they inflate through
 * {@link ZipGuard}'s limits, each part once ({@link XlsxPackage}, {@link XlsxSheet}):
 * cached formula results, no workbook model. Gives the same text for a cell as the reader
 * of .xls: numbers in plain notation, dates marked, errors as {@code ERROR:#…}; a formula
 * saved without its result goes to {@link FormulaComputer}.
 */
final class XlsxReader {

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
			XMLStreamReader xml = XlsxPackage.XML.createXMLStreamReader(in);
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
			throw unwrapped(ex, "part " + part + " is not well-formed XML: " + ex.getMessage());
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

	/**
	 * One opening of the package: its parts parsed as they inflate through the guard's
	 * limits, the rest inflated and counted after.
	 */
	private RawWorkbook streamed(Path file, Predicate<String> wanted, ReadLimits limits) throws IOException {
		try (XlsxPackage pkg = XlsxPackage.open(file)) {
			XlsxWorkbook workbook = XlsxWorkbook.read(pkg);
			XlsxStyles styles = pkg.styles(workbook.styles());
			List<String> strings = pkg.sharedStrings(workbook.sharedStrings());
			List<String> names = new ArrayList<>();
			List<RawSheet> parsed = new ArrayList<>();
			for (XlsxWorkbook.SheetEntry sheet : workbook.sheets()) {
				names.add(sheet.name());
				if (wanted.test(sheet.name())) {
					String part = workbook.partsById().get(sheet.relationship());
					if (part == null) {
						throw new IOException(
								"sheet '" + sheet.name() + "' has no part in the workbook's relationships");
					}
					try (XlsxPackage.Part content = pkg.part(part)) {
						parsed.add(XlsxSheet.read(sheet.name(), sheet.hidden(), content.xml(), limits, strings, styles,
								workbook.date1904()));
					}
				}
			}
			pkg.inflateTheRest();
			return new RawWorkbook(names, parsed);
		}
		catch (XMLStreamException ex) {
			throw unwrapped(ex, "not well-formed XML: " + ex.getMessage());
		}
		catch (RuntimeException ex) {
			// Aalto reports a failing stream unchecked when it reads text lazily
			if (unwrapped(ex, "") instanceof ZipGuard.UnsafePackageException refused) {
				throw refused;
			}
			throw ex;
		}
	}

	/**
	 * The guard's refusal when the parser met it while reading the inflating part (it
	 * comes wrapped), an {@link IOException} with the message otherwise.
	 */
	private static IOException unwrapped(Exception ex, String message) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ZipGuard.UnsafePackageException refused) {
				return refused;
			}
		}
		return new IOException(message, ex);
	}

}
