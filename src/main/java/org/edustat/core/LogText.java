package org.edustat.core;

import org.jspecify.annotations.Nullable;

/**
 * Text from outside (a request, a username, a file name) as a log line may show it:
 * control characters escaped, so that no text can forge a line, and at most 200
 * characters.
 */
public final class LogText {

	private LogText() {
	}

	public static String of(@Nullable String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder();
		text.codePoints().limit(200).forEach(c -> {
			if (Character.isISOControl(c)) {
				out.append(String.format("\\u%04x", c));
			}
			else {
				out.appendCodePoint(c);
			}
		});
		return text.length() > 200 ? out.append("…").toString() : out.toString();
	}

}
