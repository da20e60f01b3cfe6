package org.edustat.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.zip.ZipFile;

/** What a zip package's (an .xlsx's) central directory declares of its size. */
public final class ZipSizes {

	private ZipSizes() {
	}

	/**
	 * The sum of the inflated sizes the package's entries declare, an entry that declares
	 * none counting as {@code unknownAs}.
	 * @throws java.util.zip.ZipException if the file is not a zip package
	 */
	public static long declaredUnpacked(Path file, long unknownAs) throws IOException {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			long total = 0;
			for (var entries = zip.entries(); entries.hasMoreElements();) {
				long size = entries.nextElement().getSize();
				total += size < 0 ? unknownAs : size;
			}
			return total;
		}
	}

}
