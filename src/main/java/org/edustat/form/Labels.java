package org.edustat.form;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the texts schools type are made comparable: full-width forms folded (NFKC), every kind of space and line break
 * removed; for a header, row or item also its bracketed unit and a leading 其中 dropped.
 */
public final class Labels {

	private static final Pattern UNIT = Pattern.compile("^(.*?)\\(([^()]*)\\)$");

	private Labels() {
	}

	/** The text with full-width forms folded and every space, line break and zero-width mark removed. */
	public static String clean(String raw) {
		if (raw == null) {
			return "";
		}
		String folded = Normalizer.normalize(raw, Normalizer.Form.NFKC);
		StringBuilder out = new StringBuilder(folded.length());
		for (int i = 0; i < folded.length(); i++) {
			char c = folded.charAt(i);
			if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\u200b' && c != '\ufeff') {
				out.append(c);
			}
		}
		return out.toString();
	}

	/** A cleaned header or item without its bracketed unit and its 其中 prefix: 其中:塑胶运动场面积(平方米) → 塑胶运动场面积. */
	public static String name(String cleaned) {
		String name = cleaned;
		Matcher unit = UNIT.matcher(name);
		if (unit.matches() && !unit.group(1).isEmpty()) {
			name = unit.group(1);
		}
		if (name.startsWith("其中") && name.length() > 2) {
			name = name.substring(2);
			if (name.startsWith(":") || name.startsWith("、")) {
				name = name.substring(1);
			}
		}
		return name;
	}

	/** The key a raw label is matched by: {@link #name} of {@link #clean}. */
	public static String key(String raw) {
		return name(clean(raw));
	}

	/** The bracketed unit of a cleaned header or item, or empty: 固定资产总值(元) → 元. */
	public static String unit(String cleaned) {
		Matcher unit = UNIT.matcher(cleaned);
		return unit.matches() ? unit.group(2) : "";
	}
}
