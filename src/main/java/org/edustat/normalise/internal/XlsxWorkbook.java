package org.edustat.normalise.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.jspecify.annotations.Nullable;

/**
 * A package's workbook part: its sheets in order, whether its dates count from 1904, its
 * sheets' parts by relationship id, and the parts of its shared strings and styles as the
 * package's content types name them.
 */
record XlsxWorkbook(List<XlsxWorkbook.SheetEntry> sheets, boolean date1904, Map<String, String> partsById,
		@Nullable String sharedStrings, @Nullable String styles) {

	private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

	private static final String MAIN_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

	private static final String MACRO_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";

	private static final String STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";

	private static final String STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

	/** A sheet as the workbook part lists it. */
	record SheetEntry(String name, @Nullable String relationship, boolean hidden) {
	}

	/**
	 * The workbook part as the package's content types name it ({@code xl/workbook.xml}
	 * when they do not), its sheets and its relationships.
	 */
	static XlsxWorkbook read(XlsxPackage pkg) throws IOException, XMLStreamException {
		String workbook = null;
		String strings = null;
		String styles = null;
		try (XlsxPackage.Part part = pkg.part("[Content_Types].xml")) {
			XMLStreamReader xml = part.xml();
			while (xml.hasNext() && (workbook == null || strings == null || styles == null)) {
				if (xml.next() == XMLStreamConstants.START_ELEMENT && "Override".equals(xml.getLocalName())) {
					String type = XlsxPackage.required(xml, "ContentType");
					if (MAIN_TYPE.equals(type) || MACRO_TYPE.equals(type)) {
						workbook = XlsxPackage.required(xml, "PartName");
					}
					else if (STRINGS_TYPE.equals(type)) {
						strings = XlsxPackage.required(xml, "PartName");
					}
					else if (STYLES_TYPE.equals(type)) {
						styles = XlsxPackage.required(xml, "PartName");
					}
				}
			}
		}
		if (workbook == null) {
			workbook = "/xl/workbook.xml";
		}
		List<SheetEntry> sheets = new ArrayList<>();
		boolean date1904 = false;
		try (XlsxPackage.Part part = pkg.part(workbook)) {
			XMLStreamReader xml = part.xml();
			boolean inSheets = false;
			while (xml.hasNext()) {
				int event = xml.next();
				if (event == XMLStreamConstants.END_ELEMENT && "sheets".equals(xml.getLocalName())) {
					inSheets = false;
				}
				if (event != XMLStreamConstants.START_ELEMENT) {
					continue;
				}
				String name = xml.getLocalName();
				if ("sheets".equals(name)) {
					inSheets = true;
				}
				else if (inSheets && "sheet".equals(name)) {
					String state = xml.getAttributeValue(null, "state");
					sheets.add(new SheetEntry(XlsxPackage.required(xml, "name"),
							xml.getAttributeValue(RELATIONSHIPS, "id"),
							"hidden".equals(state) || "veryHidden".equals(state)));
					if (sheets.size() > ZipGuard.MAX_SHEETS) {
						throw new ZipGuard.UnsafePackageException(false,
								"sheet count " + sheets.size() + " exceeds " + ZipGuard.MAX_SHEETS);
					}
				}
				else if ("workbookPr".equals(name)) {
					String value = xml.getAttributeValue(null, "date1904");
					date1904 = "true".equalsIgnoreCase(value) || "1".equals(value);
				}
			}
		}
		return new XlsxWorkbook(sheets, date1904, partsById(pkg, workbook), strings, styles);
	}

	/**
	 * The workbook's relationships: its sheets' parts by id, a relative target under the
	 * workbook part's folder.
	 */
	private static Map<String, String> partsById(XlsxPackage pkg, String workbook)
			throws IOException, XMLStreamException {
		int slash = workbook.lastIndexOf('/');
		String folder = workbook.substring(0, slash + 1);
		Map<String, String> parts = new HashMap<>();
		try (XlsxPackage.Part part = pkg.part(folder + "_rels/" + workbook.substring(slash + 1) + ".rels")) {
			XMLStreamReader xml = part.xml();
			while (xml.hasNext()) {
				if (xml.next() == XMLStreamConstants.START_ELEMENT && "Relationship".equals(xml.getLocalName())) {
					String target = String.valueOf(xml.getAttributeValue(null, "Target"));
					parts.put(xml.getAttributeValue(null, "Id"), target.startsWith("/") ? target : folder + target);
				}
			}
		}
		return parts;
	}

}
