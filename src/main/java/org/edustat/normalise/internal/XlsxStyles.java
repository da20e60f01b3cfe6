package org.edustat.normalise.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.ss.usermodel.DateUtil;
import org.jspecify.annotations.Nullable;

/**
 * The number formats of a workbook's cell styles, enough to tell a date from a number:
 * each style's format id, the format codes the styles part writes out and those Excel
 * implies for its built-in ids. Whether a style formats a date is decided once a style,
 * by POI's {@link DateUtil#isADateFormat(int, String)}.
 */
final class XlsxStyles {

	/** A workbook without a styles part: every number plain. */
	static final XlsxStyles NONE = new XlsxStyles();

	private static final int PLAIN = 0;

	private static final int DATE = 1;

	private static final int UNKNOWN = -1;

	/** Format codes implied rather than written, by id (ECMA-376, 18.8.30). */
	private static final Map<String, String> IMPLIED = Map.ofEntries(Map.entry("1", "0"), Map.entry("2", "0.00"),
			Map.entry("3", "#,##0"), Map.entry("4", "#,##0.00"), Map.entry("9", "0%"), Map.entry("10", "0.00%"),
			Map.entry("11", "0.00E+00"), Map.entry("12", "# ?/?"), Map.entry("13", "# ??/??"),
			Map.entry("14", "mm-dd-yy"), Map.entry("15", "d-mmm-yy"), Map.entry("16", "d-mmm"),
			Map.entry("17", "mmm-yy"), Map.entry("18", "h:mm AM/PM"), Map.entry("19", "h:mm:ss AM/PM"),
			Map.entry("20", "h:mm"), Map.entry("21", "h:mm:ss"), Map.entry("22", "m/d/yy h:mm"),
			Map.entry("37", "#,##0 ;(#,##0)"), Map.entry("38", "#,##0 ;[Red](#,##0)"),
			Map.entry("39", "#,##0.00;(#,##0.00)"), Map.entry("40", "#,##0.00;[Red](#,##0.00)"),
			Map.entry("45", "mm:ss"), Map.entry("46", "[h]:mm:ss"), Map.entry("47", "mmss.0"),
			Map.entry("48", "##0.0E+0"), Map.entry("49", "@"));

	private final List<@Nullable String> formatIds = new ArrayList<>();

	private final Map<String, String> codes = new HashMap<>();

	private int[] kinds = new int[0];

	/**
	 * The styles part's number formats: those it writes out ({@code numFmt}) and each
	 * cell style's ({@code cellXfs}).
	 */
	static XlsxStyles parsed(XMLStreamReader xml) throws XMLStreamException {
		XlsxStyles styles = new XlsxStyles();
		boolean cellXfs = false;
		while (xml.hasNext()) {
			int event = xml.next();
			if (event == XMLStreamConstants.END_ELEMENT && "cellXfs".equals(xml.getLocalName())) {
				cellXfs = false;
			}
			else if (event == XMLStreamConstants.START_ELEMENT) {
				String name = xml.getLocalName();
				if ("cellXfs".equals(name)) {
					cellXfs = true;
				}
				else if ("numFmt".equals(name)) {
					styles.format(XlsxPackage.required(xml, "numFmtId"), XlsxPackage.required(xml, "formatCode"));
				}
				else if (cellXfs && "xf".equals(name)) {
					styles.style(xml.getAttributeValue(null, "numFmtId"));
				}
			}
		}
		return styles;
	}

	/** A format code the styles part writes out. */
	void format(String id, String code) {
		codes.put(id, code);
	}

	/** The next cell style, by its format id ({@code null}: none given). */
	void style(@Nullable String formatId) {
		formatIds.add(formatId);
		if (formatId != null && IMPLIED.containsKey(formatId)) {
			codes.put(formatId, IMPLIED.get(formatId));
		}
	}

	/**
	 * The index of a cell's style ({@code s}), -1 when it has none or names a style past
	 * the last; one that is not a number is refused, as a corrupt workbook.
	 */
	int index(@Nullable String style) {
		if (style == null) {
			return -1;
		}
		int index = Integer.parseInt(style);
		if (index >= formatIds.size()) {
			return -1;
		}
		if (index < 0) {
			throw new IndexOutOfBoundsException("cell style " + index);
		}
		return index;
	}

	/**
	 * Whether a style (by {@link #index}) formats its numbers as dates; a format id that
	 * is not a number is refused, as a corrupt workbook.
	 */
	boolean date(int index) {
		if (index < 0) {
			return false;
		}
		if (kinds.length < formatIds.size()) {
			kinds = new int[formatIds.size()];
			Arrays.fill(kinds, UNKNOWN);
		}
		if (kinds[index] == UNKNOWN) {
			String id = formatIds.get(index);
			kinds[index] = id != null && DateUtil.isADateFormat(Integer.parseInt(id), codes.get(id)) ? DATE : PLAIN;
		}
		return kinds[index] == DATE;
	}

}
