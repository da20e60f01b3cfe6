package org.edustat.validate.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** The tokens of a text {@link Comparisons} may take. */
final class ComparisonTokens {

	private ComparisonTokens() {
	}

	static boolean isIdentifierStart(char c) {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
	}

	private static boolean isIdentifierPart(char c) {
		return isIdentifierStart(c) || c >= '0' && c <= '9';
	}

	/**
	 * The text's tokens: identifiers (dotted paths whole), integers within an int, quoted
	 * strings without escapes, and the operators above; null when it has anything else.
	 */
	static @Nullable List<String> of(String text) {
		List<String> tokens = new ArrayList<>();
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
				i++;
				continue;
			}
			int start = i;
			if (isIdentifierStart(c)) {
				while (i < text.length() && (isIdentifierPart(text.charAt(i))
						|| text.charAt(i) == '.' && i + 1 < text.length() && isIdentifierStart(text.charAt(i + 1)))) {
					i++;
				}
				if (i < text.length() && (text.charAt(i) == '.' || text.charAt(i) > 0x7f)) {
					return null;
				}
			}
			else if (c >= '0' && c <= '9') {
				while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
					i++;
				}
				if (i - start > 9 || c == '0' && i - start > 1
						|| i < text.length() && (isIdentifierPart(text.charAt(i)) || text.charAt(i) == '.')) {
					return null;
				}
			}
			else if (c == '\'' || c == '"') {
				int end = text.indexOf(c, i + 1);
				if (end < 0 || text.substring(i + 1, end).indexOf('\\') >= 0) {
					return null;
				}
				i = end + 1;
			}
			else {
				String two = i + 1 < text.length() ? text.substring(i, i + 2) : "";
				if (Set.of("==", "!=", "<=", ">=", "&&", "||").contains(two)) {
					i += 2;
				}
				else if ("<>!+-*/()".indexOf(c) >= 0 && !two.equals("//") && !two.equals("/*")) {
					i++;
				}
				else {
					return null;
				}
				if (i < text.length() && "=~^$".indexOf(text.charAt(i)) >= 0 && !two.equals("!=")
						&& !two.equals("==")) {
					// =~ !~ =^ =$ and the like: JEXL's, not ours
					return null;
				}
			}
			tokens.add(text.substring(start, i));
		}
		return tokens;
	}

}
