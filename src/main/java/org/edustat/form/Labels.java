package org.edustat.form;

import java.text.Normalizer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * How the texts schools type are made comparable: full-width forms folded (NFKC), every
 * kind of space and line break removed; for a header, row or item also its bracketed unit
 * and a leading 其中 dropped.
 */
public final class Labels {

	private static final Pattern UNIT = Pattern.compile("^(.*?)\\(([^()]*)\\)$");

	/**
	 * Keys already computed, by raw text: a city's workbooks repeat the same few hundred
	 * headers and labels, and folding and matching each again cost more than looking it
	 * up. Emptied when full, so that free text cannot make it grow.
	 */
	private static final Map<String, String> KEYS = new ConcurrentHashMap<>();

	private static final int MAX_KEYS = 10_000;

	private Labels() {
	}

	/**
	 * The text with full-width forms folded and every space, line break and zero-width
	 * mark removed.
	 */
	public static String clean(@Nullable String raw) {
		if (raw == null) {
			return "";
		}
		if (unchangedByCleaning(raw)) {
			return raw;
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

	/**
	 * Whether the text is only printable ASCII other than the space and CJK unified
	 * ideographs (U+4E00–U+9FFF), which NFKC leaves as they are and which are neither
	 * spaces nor marks: the text of most cells, cleaned without copying.
	 */
	private static boolean unchangedByCleaning(String raw) {
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (!(c > ' ' && c < 0x7f) && !(c >= 0x4e00 && c <= 0x9fff)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A cleaned header or item without its bracketed unit and its 其中 prefix:
	 * 其中:塑胶运动场面积(平方米) → 塑胶运动场面积.
	 */
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
		if (raw == null) {
			return "";
		}
		String key = KEYS.get(raw);
		if (key == null) {
			key = name(clean(raw));
			if (KEYS.size() >= MAX_KEYS) {
				KEYS.clear();
			}
			KEYS.put(raw, key);
		}
		return key;
	}

	/** The bracketed unit of a cleaned header or item, or empty: 固定资产总值(元) → 元. */
	public static String unit(String cleaned) {
		Matcher unit = UNIT.matcher(cleaned);
		return unit.matches() ? unit.group(2) : "";
	}

}
