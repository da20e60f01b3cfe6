package org.edustat.normalise.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Inflates every part of an .xlsx package once, counting what comes out, before any parser sees it: too many parts, a
 * part larger than the limit, or one that inflates more than a hundredfold (a zip bomb) is refused — whatever sizes the
 * package declares. Costs about a tenth of a millisecond for a school's workbook.
 */
final class ZipGuard {

	/** Parts a workbook may hold; a school's has about a dozen. */
	static final int MAX_PARTS = 1_000;

	/** Below this many inflated bytes a part is not judged by its ratio (POI's grace, too). */
	private static final long RATIO_GRACE = 100 * 1024;

	/** The smallest compressed / inflated ratio allowed once past the grace. */
	private static final double MIN_RATIO = 0.01;

	private static volatile long maxPartBytes = 100L * 1024 * 1024;

	private ZipGuard() {
	}

	static void maxPartBytes(long bytes) {
		maxPartBytes = bytes;
	}

	/** Checks the package; throws {@link UnsafePackageException} or {@link UnsupportedFormatException} when it is refused. */
	static void check(Path file) throws IOException {
		check(file, true);
	}

	/**
	 * Checks the package as {@link #check(Path)} does, but inflates the worksheets only if asked: enough for a reader
	 * that lists the sheets and opens none.
	 */
	static void check(Path file, boolean worksheets) throws IOException {
		byte[] buffer = new byte[16 * 1024];
		try (ZipFile zip = new ZipFile(file.toFile())) {
			if (zip.size() > MAX_PARTS) {
				throw new UnsafePackageException(false, "file count " + zip.size() + " exceeds " + MAX_PARTS);
			}
			if (zip.getEntry("xl/workbook.bin") != null) {
				throw new UnsupportedFormatException("Excel 二进制工作簿(.xlsb)不受支持,请另存为 .xlsx 或 .xls 后重新报送");
			}
			long limit = maxPartBytes;
			Enumeration<? extends ZipEntry> entries = zip.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				if (!worksheets && entry.getName().startsWith("xl/worksheets/")) {
					continue;
				}
				long inflated = 0;
				try (InputStream in = zip.getInputStream(entry)) {
					for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
						inflated += n;
						if (inflated > limit) {
							throw new UnsafePackageException(true,
									"part " + entry.getName() + " exceeds the maximum of " + limit + " bytes unpacked");
						}
						if (inflated > RATIO_GRACE && (double) entry.getCompressedSize() / inflated < MIN_RATIO) {
							throw new UnsafePackageException(true, "Zip bomb: part " + entry.getName() + " inflates more than "
									+ Math.round(1 / MIN_RATIO) + " times");
						}
					}
				}
			}
		}
	}

	/** A package refused before parsing: a zip bomb or an absurd part ({@code bomb}), or too many parts. */
	static final class UnsafePackageException extends IOException {

		private final boolean bomb;

		UnsafePackageException(boolean bomb, String message) {
			super(message);
			this.bomb = bomb;
		}

		boolean bomb() {
			return bomb;
		}
	}
}
