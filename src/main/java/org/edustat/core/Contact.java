package org.edustat.core;

import org.jspecify.annotations.Nullable;

/**
 * The person who filled in a submission: personal data, stored for follow-up only and
 * never printed.
 */
public record Contact(@Nullable String reporter, @Nullable String phone) {

	public static final Contact NONE = new Contact(null, null);

	@Override
	public String toString() {
		return "Contact[***]";
	}
}
