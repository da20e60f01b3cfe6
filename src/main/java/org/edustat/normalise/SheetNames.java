package org.edustat.normalise;

import java.util.Optional;

import org.edustat.core.SheetKind;

/** Matches a sheet's name to its kind after trimming and ignoring a trailing 表, 情况 or 统计. */
public final class SheetNames {

	private SheetNames() {
	}

	public static String key(String sheetName) {
		String name = Text.clean(sheetName);
		boolean stripped = true;
		while (stripped) {
			stripped = false;
			for (String suffix : new String[] { "表", "情况", "统计" }) {
				if (name.endsWith(suffix) && name.length() > suffix.length()) {
					name = name.substring(0, name.length() - suffix.length());
					stripped = true;
				}
			}
		}
		return name;
	}

	public static Optional<SheetKind> kindOf(String sheetName) {
		String key = key(sheetName);
		for (SheetKind kind : SheetKind.values()) {
			if (key(kind.label()).equals(key)) {
				return Optional.of(kind);
			}
		}
		return Optional.empty();
	}

	public static boolean matches(String sheetName, String canonical) {
		return key(sheetName).equals(key(canonical));
	}
}
