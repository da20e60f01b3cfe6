package org.edustat.load;

import java.util.ArrayList;
import java.util.List;

import org.edustat.core.Submission;
import org.jspecify.annotations.Nullable;

/**
 * The causes of a failure as the log may show them: with the submission's personal data
 * masked.
 */
final class Redaction {

	private Redaction() {
	}

	/**
	 * The causes of a failure, each class and message, with the submission's personal
	 * data (填报人, 联系电话) masked.
	 */
	static String redacted(Throwable cause, @Nullable Submission submission) {
		List<String> personal = new ArrayList<>();
		if (submission != null && submission.contact() != null) {
			for (String value : new String[] { submission.contact().reporter(), submission.contact().phone() }) {
				if (value != null && !value.isBlank()) {
					personal.add(value.strip());
				}
			}
		}
		StringBuilder text = new StringBuilder();
		for (Throwable t = cause; t != null && text.length() < 4000; t = t.getCause() == t ? null : t.getCause()) {
			String message = String.valueOf(t.getMessage());
			for (String value : personal) {
				message = message.replace(value, "***");
			}
			text.append(text.isEmpty() ? "" : " <- ").append(t.getClass().getName()).append(": ").append(message);
		}
		return text.toString();
	}

}
