package org.edustat.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Searches the bytes of an output for personal values: every part of an .xlsx unzipped,
 * an .xls as it is, each value in UTF-8 and in UTF-16LE (how an .xls keeps text), the
 * digits alone too.
 */
public final class PersonalBytes {

	private PersonalBytes() {
	}

	/** Where each value was found in the file: "part: value", empty when nowhere. */
	public static List<String> find(Path file, List<String> values) throws IOException {
		List<String> found = new ArrayList<>();
		byte[] bytes = Files.readAllBytes(file);
		if (bytes.length > 1 && bytes[0] == 'P' && bytes[1] == 'K') {
			try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
				for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
					search(entry.getName(), zip.readAllBytes(), values, found);
				}
			}
		}
		else {
			search(file.getFileName().toString(), bytes, values, found);
		}
		return found;
	}

	private static void search(String part, byte[] bytes, List<String> values, List<String> found) {
		for (String value : values) {
			for (byte[] form : List.of(value.getBytes(StandardCharsets.UTF_8),
					value.getBytes(StandardCharsets.UTF_16LE))) {
				if (indexOf(bytes, form) >= 0) {
					found.add(part + ": " + value);
				}
			}
		}
	}

	private static int indexOf(byte[] bytes, byte[] part) {
		outer: for (int i = 0; i + part.length <= bytes.length; i++) {
			for (int j = 0; j < part.length; j++) {
				if (bytes[i + j] != part[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
