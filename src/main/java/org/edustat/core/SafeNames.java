package org.edustat.core;

import java.nio.file.Path;

/**
 * Texts a school typed, reduced to names that are safe as one path element, and paths
 * held under their root.
 */
public final class SafeNames {

	private static final int MAX_LENGTH = 80;

	private SafeNames() {
	}

	/**
	 * The text as one file-name element: no separators, no control or reserved
	 * characters, no leading dots, short.
	 */
	public static String of(String text) {
		StringBuilder out = new StringBuilder();
		text.strip().codePoints().forEach(c -> {
			boolean unsafe = c < 0x20 || c == 0x7f || "/\\:*?\"<>|".indexOf(c) >= 0
					|| Character.getType(c) == Character.FORMAT;
			out.appendCodePoint(unsafe ? '_' : c);
		});
		String name = out.toString().replaceAll("^[.\\s]+", "").replaceAll("[.\\s]+$", "");
		if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
			name = name.substring(0, name.offsetByCodePoints(0, MAX_LENGTH));
		}
		return name.isEmpty() ? "_" : name;
	}

	/**
	 * The path, if it lies under the root; otherwise an exception (a bug, since every
	 * element went through {@link #of}).
	 */
	public static Path under(Path root, Path path) {
		Path normal = path.toAbsolutePath().normalize();
		if (!normal.startsWith(root.toAbsolutePath().normalize())) {
			throw new IllegalArgumentException("path outside its root: " + normal);
		}
		return normal;
	}

}
