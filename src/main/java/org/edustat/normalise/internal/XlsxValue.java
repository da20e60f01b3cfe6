package org.edustat.normalise.internal;

import java.math.BigDecimal;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.jspecify.annotations.Nullable;

/**
 * The text of a cell that is neither a shared nor an inline string: a number, a truth
 * value, an error, or a formula's saved result. A value its type cannot hold (a number
 * that is not one, a truth value other than 0 or 1) is an error cell.
 */
final class XlsxValue {

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
				formula = sheet.formula();
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

}
