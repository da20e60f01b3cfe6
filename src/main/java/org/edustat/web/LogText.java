package org.edustat.web;

/** Text from a request as a log line may show it: control characters escaped, at most 200 characters. */
final class LogText {

	private LogText() {
	}

	static String of(String text) {
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
