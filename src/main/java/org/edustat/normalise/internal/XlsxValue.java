package org.edustat.normalise.internal;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.codehaus.stax2.XMLStreamReader2;
import org.jspecify.annotations.Nullable;

/**
 * The text of a cell that is neither a shared nor an inline string: a number, a truth
 * value, an error, or a formula's saved result. A value its type cannot hold (a number
 * that is not one, a truth value other than 0 or 1) is an error cell.
 */
final class XlsxValue {

	/**
	 * The most of an element's text kept: one more than a cell may hold, so that a longer
	 * one is refused as such.
	 */
	static final int MAX_TEXT = GridBuilder.MAX_CELL_TEXT + 1;

	private static final int NUMBER = 0;

	private static final int BOOLEAN = 1;

	private static final int ERROR = 2;

	private static final int FORMULA = 3;

	private int type;

	private final int parser;

	private final XlsxStyles styles;

	private final int style;

	private final boolean date1904;

	/** {@link Double}, {@link Boolean} or {@link String}. */
	private @Nullable Object value;

	private @Nullable String raw;

	XlsxValue(String type, XlsxStyles styles, int style, boolean date1904) {
		this.type = switch (type) {
			case "n" -> NUMBER;
			case "b" -> BOOLEAN;
			case "e" -> ERROR;
			case "str" -> FORMULA;
			default -> throw new IllegalStateException("unknown cell type " + type);
		};
		this.parser = this.type;
		this.styles = styles;
		this.style = style;
		this.date1904 = date1904;
	}

	/** Reads the cell's elements to its end. */
	@Nullable String read(XlsxSheet sheet, int row, int column) throws XMLStreamException {
		XMLStreamReader xml = sheet.xml();
		boolean formula = false;
		while (xml.hasNext()) {
			int event = xml.next();
			if (event == XMLStreamConstants.START_ELEMENT && "v".equals(xml.getLocalName())) {
				raw = sheet.textUntilEnd();
				parse(raw);
			}
			else if (event == XMLStreamConstants.START_ELEMENT && "f".equals(xml.getLocalName())) {
				formula = sheet.formula(row, column);
			}
			else if (event == XMLStreamConstants.END_ELEMENT && "c".equals(xml.getLocalName())) {
				break;
			}
		}
		formula = formula || sheet.inArray(row, column);
		if (formula || type == FORMULA) {
			if ((raw == null || raw.isEmpty()) && !(value instanceof String)) {
				throw new UncomputedFormulaException(sheet.name(), row, column, null);
			}
			return result();
		}
		return switch (type) {
			case ERROR -> "ERROR:" + raw;
			case BOOLEAN -> Boolean.TRUE.equals(value) ? "TRUE" : "FALSE";
			default -> value == null ? null : number((Double) value);
		};
	}

	private void parse(String text) {
		if (text.isEmpty()) {
			value = null;
			return;
		}
		switch (parser) {
			case NUMBER -> {
				Double number = number(text);
				if (number == null) {
					type = ERROR;
				}
				else {
					value = number;
				}
			}
			case BOOLEAN -> {
				if ("0".equals(text) || "1".equals(text)) {
					value = "1".equals(text);
				}
				else {
					type = ERROR;
				}
			}
			default -> value = text;
		}
	}

	/**
	 * A number as written in a cell: digits alone read directly, anything else as
	 * {@link BigDecimal} reads it; {@code null} when it is not a number.
	 */
	private static @Nullable Double number(String text) {
		int start = text.charAt(0) == '-' ? 1 : 0;
		int length = text.length() - start;
		if (length > 0 && length <= 15) {
			boolean digits = true;
			for (int i = start; i < text.length() && digits; i++) {
				digits = text.charAt(i) >= '0' && text.charAt(i) <= '9';
			}
			if (digits) {
				return (double) Long.parseLong(text);
			}
		}
		try {
			return new BigDecimal(text).doubleValue();
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private @Nullable String result() {
		if (value instanceof Double number) {
			return number(number);
		}
		if (value instanceof Boolean truth) {
			return truth ? "TRUE" : "FALSE";
		}
		return value == null ? null : textResult((String) value);
	}

	private String number(double number) {
		return RawValueFormatter.numeric(number, styles.date(style), date1904);
	}

	/** A formula's text result: an error Excel saved as text marked as one. */
	static String textResult(String text) {
		return text.startsWith("#") && isError(text) ? "ERROR:" + text : text;
	}

	private static boolean isError(String text) {
		return switch (text) {
			case "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A" -> true;
			default -> false;
		};
	}

	/**
	 * The shared strings part's strings in order: the text of each {@code si}'s runs, its
	 * phonetic runs left out.
	 */
	static List<String> sharedStrings(XMLStreamReader xml) throws XMLStreamException {
		List<String> strings = new ArrayList<>();
		StringBuilder text = null;
		while (xml.hasNext()) {
			int event = xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				String name = xml.getLocalName();
				if ("si".equals(name)) {
					text = new StringBuilder();
				}
				else if ("t".equals(name) && text != null) {
					appendUntilEnd(xml, text);
				}
				else if ("rPh".equals(name)) {
					skipToEnd(xml);
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT && text != null && "si".equals(xml.getLocalName())) {
				strings.add(text.toString());
				text = null;
			}
		}
		return strings;
	}

	/**
	 * A cell reference's zero-based row (high half) and column (low half), as
	 * fastexcel-reader's {@code CellAddress} reads it.
	 */
	static long address(String reference) {
		int offset = reference.charAt(0) == '$' ? 1 : 0;
		int column = 0;
		for (; offset < reference.length(); offset++) {
			char c = reference.charAt(offset);
			if (c == '$') {
				offset++;
				break;
			}
			if (c >= '0' && c <= '9') {
				break;
			}
			column = column * 26 + Character.toUpperCase(c) - 'A' + 1;
		}
		int row = Integer.parseUnsignedInt(reference.substring(offset)) - 1;
		return ((long) row << 32) | ((column - 1) & 0xffffffffL);
	}

	/** Moves past the current element, its text not read (Aalto then never holds it). */
	static void skipToEnd(XMLStreamReader xml) throws XMLStreamException {
		int depth = 1;
		while (depth > 0 && xml.hasNext()) {
			int event = xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				depth++;
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				depth--;
			}
		}
	}

	/**
	 * Appends the text of the current element to its end (characters, CDATA, white space,
	 * nested elements' text), at most {@link #MAX_TEXT} characters of it: the rest is
	 * streamed past without being held, so that a cell of tens of megabytes costs no
	 * memory (and is refused as longer than a cell may be).
	 */
	static void appendUntilEnd(XMLStreamReader xml, StringBuilder text) throws XMLStreamException {
		Writer capped = new Writer() {
			@Override
			public void write(char[] chars, int offset, int length) {
				int room = MAX_TEXT - text.length();
				if (room > 0) {
					text.append(chars, offset, Math.min(room, length));
				}
			}

			@Override
			public void flush() {
			}

			@Override
			public void close() {
			}
		};
		int depth = 1;
		while (xml.hasNext()) {
			int event = xml.next();
			if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
					|| event == XMLStreamConstants.SPACE) {
				if (text.length() < MAX_TEXT) {
					try {
						((XMLStreamReader2) xml).getText(capped, false);
					}
					catch (IOException ex) {
						throw new XMLStreamException(ex);
					}
				}
			}
			else if (event == XMLStreamConstants.START_ELEMENT) {
				depth++;
			}
			else if (event == XMLStreamConstants.END_ELEMENT && --depth == 0) {
				return;
			}
		}
	}

}
