package org.edustat.normalise.internal;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What the .xlsx reader takes from a part's XML besides its cells: an element's text (at
 * most a cell's length and one more), an element skipped unread, the shared strings, a
 * cell reference.
 */
final class XmlText {

	/**
	 * The most of an element's text kept: one more than a cell may hold, so that a longer
	 * one is refused as such.
	 */
	static final int MAX_TEXT = GridBuilder.MAX_CELL_TEXT + 1;

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

	/**
	 * Appends the text of the current element to its end (characters, CDATA, white space,
	 * nested elements' text), at most {@link #MAX_TEXT} characters of it; a text not read
	 * at all (past the cap) the parser skips without keeping. How long a token the parser
	 * holds at all is {@link TokenLimit}'s to bound.
	 */
	static void appendUntilEnd(XMLStreamReader xml, StringBuilder text) throws XMLStreamException {
		int depth = 1;
		while (xml.hasNext()) {
			int event = xml.next();
			if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
					|| event == XMLStreamConstants.SPACE) {
				int room = MAX_TEXT - text.length();
				if (room > 0) {
					text.append(xml.getTextCharacters(), xml.getTextStart(), Math.min(room, xml.getTextLength()));
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

	private XmlText() {
	}

}
