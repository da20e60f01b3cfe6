package org.edustat.normalise.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.jspecify.annotations.Nullable;

/**
 * One sheet's rows, parsed from its part into a {@link GridBuilder} as the part inflates:
 * a cell's text as the reader of .xls gives it — numbers in plain notation, dates marked,
 * errors as {@code ERROR:…}, a formula's saved result — read as fastexcel-reader 0.19
 * read it (a row or cell without its reference counted from the last, a shared string's
 * phonetic runs left out, an inline string's whole text).
 */
final class XlsxSheet {

	private final String name;

	private final XMLStreamReader xml;

	private final GridBuilder grid;

	private final @Nullable List<String> strings;

	private final XlsxStyles styles;

	private final boolean date1904;

	/** Shared formulas by their index: whether the first cell's formula has text. */
	private final Map<Integer, Boolean> shared = new HashMap<>();

	/** Array formulas' ranges: first row, first column, last row, last column. */
	private final List<int[]> arrays = new ArrayList<>();

	private int trackedRow;

	private XlsxSheet(String name, XMLStreamReader xml, ReadLimits limits, @Nullable List<String> strings,
			XlsxStyles styles, boolean date1904) {
		this.name = name;
		this.xml = xml;
		this.grid = new GridBuilder(name, limits);
		this.strings = strings;
		this.styles = styles;
		this.date1904 = date1904;
	}

	static RawSheet read(String name, boolean hidden, XMLStreamReader xml, ReadLimits limits,
			@Nullable List<String> strings, XlsxStyles styles, boolean date1904) throws XMLStreamException {
		XlsxSheet sheet = new XlsxSheet(name, xml, limits, strings, styles, date1904);
		sheet.rows();
		return sheet.grid.build(hidden);
	}

	private void rows() throws XMLStreamException {
		if (!startOf("sheetData")) {
			return;
		}
		while (xml.hasNext()) {
			int event = xml.next();
			if (event == XMLStreamConstants.START_ELEMENT && "row".equals(xml.getLocalName())) {
				row();
			}
			else if (event == XMLStreamConstants.END_ELEMENT && "sheetData".equals(xml.getLocalName())) {
				return;
			}
		}
	}

	private void row() throws XMLStreamException {
		trackedRow++;
		String reference = xml.getAttributeValue(null, "r");
		grid.startRow((reference != null ? Integer.valueOf(reference) : trackedRow) - 1);
		int trackedColumn = 0;
		while (xml.hasNext()) {
			int event = xml.next();
			if (event == XMLStreamConstants.START_ELEMENT && "c".equals(xml.getLocalName())) {
				cell(trackedColumn++);
			}
			else if (event == XMLStreamConstants.END_ELEMENT && "row".equals(xml.getLocalName())) {
				break;
			}
		}
		grid.endRow();
	}

	private void cell(int trackedColumn) throws XMLStreamException {
		String reference = xml.getAttributeValue(null, "r");
		int row = trackedRow;
		int column = trackedColumn;
		if (reference != null && !reference.isEmpty()) {
			long address = XmlText.address(reference);
			row = (int) (address >> 32);
			column = (int) address;
		}
		else if (reference != null) {
			row = 0;
			column = 0;
		}
		String type = xml.getAttributeValue(null, "t");
		int style = styles.index(xml.getAttributeValue(null, "s"));
		if ("inlineStr".equals(type)) {
			grid.cell(column, inline(row, column));
		}
		else if ("s".equals(type)) {
			grid.cell(column, sharedString());
		}
		else {
			grid.cell(column,
					new XlsxValue(type == null ? "n" : type, styles, style, date1904).read(this, row, column));
		}
	}

	/** An inline string's text, or its formula's result. */
	private @Nullable String inline(int row, int column) throws XMLStreamException {
		String value = null;
		boolean formula = false;
		while (xml.hasNext()) {
			int event = xml.next();
			if (event == XMLStreamConstants.START_ELEMENT && "is".equals(xml.getLocalName())) {
				value = textUntilEnd();
			}
			else if (event == XMLStreamConstants.START_ELEMENT && "f".equals(xml.getLocalName())) {
				XmlText.skipToEnd(xml);
				formula = true;
			}
			else if (event == XMLStreamConstants.END_ELEMENT && "c".equals(xml.getLocalName())) {
				break;
			}
		}
		if (!formula) {
			return value;
		}
		if (value == null) {
			throw new UncomputedFormulaException(name, row, column, null);
		}
		return XlsxValue.textResult(value);
	}

	/** A shared string's text: none for an empty index. */
	private @Nullable String sharedString() throws XMLStreamException {
		while (xml.hasNext()) {
			int event = xml.next();
			if (event == XMLStreamConstants.START_ELEMENT && "v".equals(xml.getLocalName())) {
				String index = textUntilEnd();
				if (index.isEmpty()) {
					return null;
				}
				int at = Integer.parseInt(index);
				return strings == null || at >= strings.size() ? null : strings.get(at);
			}
			if (event == XMLStreamConstants.END_ELEMENT && "c".equals(xml.getLocalName())) {
				return null;
			}
		}
		return null;
	}

	XMLStreamReader xml() {
		return xml;
	}

	String name() {
		return name;
	}

	/**
	 * Notes a formula element: an array formula's range, a shared formula's first cell;
	 * whether the cell has a formula by it ({@code false} for an empty one).
	 */
	boolean formula() throws XMLStreamException {
		String reference = xml.getAttributeValue(null, "ref");
		String type = xml.getAttributeValue(null, "t");
		String index = xml.getAttributeValue(null, "si");
		Integer si = index == null ? null : Integer.valueOf(index);
		boolean text = !textUntilEnd().isEmpty();
		if ("array".equals(type) && reference != null) {
			int colon = reference.indexOf(':');
			long first = XmlText.address(colon < 0 ? reference : reference.substring(0, colon));
			long last = XmlText.address(colon < 0 ? reference : reference.substring(colon + 1));
			arrays.add(new int[] { (int) (first >> 32), (int) first, (int) (last >> 32), (int) last });
		}
		if ("shared".equals(type)) {
			if (reference != null) {
				shared.put(si, text);
			}
			else {
				Boolean base = shared.get(si);
				if (base == null) {
					throw new IllegalStateException("shared formula " + si + " has no first cell");
				}
				return base;
			}
		}
		return text;
	}

	/** Whether an array formula covers the cell. */
	boolean inArray(int row, int column) {
		for (int[] range : arrays) {
			if (row >= range[0] && row <= range[2] && column >= range[1] && column <= range[3]) {
				return true;
			}
		}
		return false;
	}

	/** The text of the current element to its end, nested elements' included. */
	String textUntilEnd() throws XMLStreamException {
		StringBuilder text = new StringBuilder();
		XmlText.appendUntilEnd(xml, text);
		return text.toString();
	}

	/** Moves to the start of the named element; {@code false} when the part has none. */
	private boolean startOf(String element) throws XMLStreamException {
		while (xml.hasNext()) {
			if (xml.next() == XMLStreamConstants.START_ELEMENT && element.equals(xml.getLocalName())) {
				return true;
			}
		}
		return false;
	}

}
