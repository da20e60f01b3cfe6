package org.edustat.normalise.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.jspecify.annotations.Nullable;

/**
 * The limits every part of an .xlsx package is inflated through, counting what comes out
 * as a parser reads it ({@link XlsxPackage} inflates the parts no parser reads too): too
 * many parts, a part larger than the limit, or one that inflates more than a hundredfold
 * (a zip bomb) is refused — whatever sizes the package declares.
 */
final class ZipGuard {

	/** Parts a workbook may hold; a school's has about a dozen. */
	static final int MAX_PARTS = 1_000;

	/** Sheets a workbook may list; a school's has five or six. */
	static final int MAX_SHEETS = 1_000;

	/**
	 * The most a part other than a sheet or a picture may inflate to — the shared
	 * strings, the workbook part, styles: a school's are kilobytes. A reader holds these
	 * whole in memory, so they are judged before any parser sees them.
	 */
	static final long MAX_HELD_PART = 8L * 1024 * 1024;

	/**
	 * Below this many inflated bytes a part is not judged by its ratio (POI's grace,
	 * too).
	 */
	private static final long RATIO_GRACE = 100 * 1024;

	/** The smallest compressed / inflated ratio allowed once past the grace. */
	private static final double MIN_RATIO = 0.01;

	private static volatile long maxPartBytes = 100L * 1024 * 1024;

	private ZipGuard() {
	}

	static void maxPartBytes(long bytes) {
		maxPartBytes = bytes;
	}

	/**
	 * Opens a package whose number of parts is within the limit and which is not an
	 * .xlsb.
	 */
	static ZipFile open(Path file) throws IOException {
		ZipFile zip = new ZipFile(file.toFile());
		try {
			if (zip.size() > MAX_PARTS) {
				throw new UnsafePackageException(false, "file count " + zip.size() + " exceeds " + MAX_PARTS);
			}
			if (zip.getEntry("xl/workbook.bin") != null) {
				throw new UnsupportedFormatException("Excel 二进制工作簿(.xlsb)不受支持,请另存为 .xlsx 或 .xls 后重新报送");
			}
			notAnotherKindOfPackage(zip);
			return zip;
		}
		catch (IOException | RuntimeException ex) {
			zip.close();
			throw ex;
		}
	}

	/**
	 * Refuses, by name, a package that is not an Excel workbook though it is a zip as one
	 * is: an OpenDocument file (.ods, .odt — its {@code mimetype} says), a Word or
	 * PowerPoint file, and a workbook saved as Strict Open XML (its workbook part in the
	 * Strict namespace, which the readers do not know) — rather than calling them
	 * corrupt.
	 */
	private static void notAnotherKindOfPackage(ZipFile zip) throws IOException {
		ZipEntry mimetype = zip.getEntry("mimetype");
		if (mimetype != null && mimetype.getSize() < 200) {
			String type;
			try (InputStream in = zip.getInputStream(mimetype)) {
				type = new String(in.readNBytes(200), StandardCharsets.US_ASCII).strip();
			}
			if (type.startsWith("application/vnd.oasis.opendocument")) {
				throw new UnsupportedFormatException(
						(type.endsWith("spreadsheet") ? "OpenDocument 电子表格(.ods)" : "OpenDocument 文档")
								+ "不受支持,请另存为 Excel 工作簿(.xlsx)后重新报送");
			}
		}
		if (zip.getEntry("xl/workbook.xml") == null) {
			if (zip.getEntry("word/document.xml") != null) {
				throw new UnsupportedFormatException("文件是 Word 文档(.docx),不是 Excel 工作簿,请报送统计报表工作簿");
			}
			if (zip.getEntry("ppt/presentation.xml") != null) {
				throw new UnsupportedFormatException("文件是 PowerPoint 演示文稿(.pptx),不是 Excel 工作簿,请报送统计报表工作簿");
			}
			return;
		}
		try (InputStream in = zip.getInputStream(zip.getEntry("xl/workbook.xml"))) {
			String head = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
			if (head.contains("http://purl.oclc.org/ooxml/spreadsheetml/main")) {
				throw new UnsupportedFormatException(
						"工作簿以「Strict Open XML」格式保存,不受支持,请在 Excel 中另存为「Excel 工作簿(.xlsx)」后重新报送");
			}
		}
	}

	/**
	 * A part's inflated bytes, refused with {@link UnsafePackageException} as soon as
	 * they pass the part limit (the lower one of a part a reader holds whole) or inflate
	 * more than a hundredfold.
	 */
	static InputStream inflate(ZipFile zip, ZipEntry entry) throws IOException {
		return inflate(zip, entry, held(entry.getName()) ? Math.min(MAX_HELD_PART, maxPartBytes) : maxPartBytes);
	}

	/**
	 * Whether a reader holds a part whole in memory: anything but a sheet's rows, a
	 * picture or an embedded file.
	 */
	static boolean held(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return !lower.startsWith("xl/worksheets/") && !lower.startsWith("xl/media/")
				&& !lower.startsWith("xl/embeddings/");
	}

	private static InputStream inflate(ZipFile zip, ZipEntry entry, long limit) throws IOException {
		long compressed = entry.getCompressedSize();
		return new FilterInputStream(zip.getInputStream(entry)) {

			private long inflated;

			@Override
			public int read() throws IOException {
				byte[] one = new byte[1];
				return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
			}

			@Override
			public int read(byte[] b, int off, int len) throws IOException {
				int n = super.read(b, off, len);
				if (n > 0) {
					inflated += n;
					if (inflated > limit) {
						throw limit < maxPartBytes
								? new UnsafePackageException(false,
										"part " + entry.getName() + " held whole exceeds " + limit + " bytes unpacked",
										"工作簿的部件「" + entry.getName() + "」解压后超过" + limit / 1024 / 1024
												+ "MB(共享字符串或工作簿信息过大),不是学校统计报表")
								: new UnsafePackageException(true, "part " + entry.getName()
										+ " exceeds the maximum of " + limit + " bytes unpacked");
					}
					if (inflated > RATIO_GRACE && (double) compressed / inflated < MIN_RATIO) {
						throw new UnsafePackageException(true, "Zip bomb: part " + entry.getName()
								+ " inflates more than " + Math.round(1 / MIN_RATIO) + " times");
					}
				}
				return n;
			}
		};
	}

	/**
	 * A package refused before parsing: a zip bomb or an absurd part ({@code bomb}), or
	 * too many parts.
	 */
	static final class UnsafePackageException extends IOException {

		private final boolean bomb;

		private final @Nullable String chinese;

		UnsafePackageException(boolean bomb, String message) {
			this(bomb, message, null);
		}

		/**
		 * @param chinese what the school is told, where it is not the part count's
		 * message
		 */
		UnsafePackageException(boolean bomb, String message, @Nullable String chinese) {
			super(message);
			this.bomb = bomb;
			this.chinese = chinese;
		}

		boolean bomb() {
			return bomb;
		}

		@Nullable String chinese() {
			return chinese;
		}

	}

}
