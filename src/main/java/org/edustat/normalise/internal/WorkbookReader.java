package org.edustat.normalise.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.RecordFormatException;
import org.edustat.core.CellRef;
import org.edustat.core.FileFormat;
import org.edustat.core.Finding;
import org.edustat.core.Rejection;
import org.jspecify.annotations.Nullable;

/**
 * Reads the wanted sheets of a workbook into grids, turning every way a file can fail
 * (corrupt, truncated, encrypted, a zip bomb, an absurd sheet) into a {@link Rejection}
 * that says why.
 */
public final class WorkbookReader {

	private final XlsxReader xlsx = new XlsxReader();

	private final XlsReader xls = new XlsReader();

	public RawWorkbook read(Path file, FileFormat format, Predicate<String> wanted, ReadLimits limits) {
		return refusing(
				() -> format == FileFormat.XLSX ? xlsx.read(file, wanted, limits) : xls.read(file, wanted, limits));
	}

	/** The workbook's sheet names in order, without reading any sheet. */
	public List<String> sheetNames(Path file, FileFormat format) {
		return refusing(() -> format == FileFormat.XLSX ? xlsx.sheetNames(file) : xls.sheetNames(file));
	}

	/** Something a reader does that may fail as any file can. */
	interface Reading<T> {

		T run() throws Exception;

	}

	/** What a reader gives, or the {@link Rejection} that says why it could not. */
	static <T> T refusing(Reading<T> reading) {
		try {
			return reading.run();
		}
		catch (SheetTooLargeException ex) {
			throw reject("F06", CellRef.sheet(ex.sheet()),
					"工作表「" + ex.sheet() + "」超过" + ex.limit() + "行(列),不是学校统计报表的规模", String.valueOf(ex.getMessage()));
		}
		catch (CellTooLongException ex) {
			throw reject("F06", CellRef.of(ex.sheet(), ex.row(), ex.column()),
					"单元格文字超过" + GridBuilder.MAX_CELL_TEXT + "个字符(Excel 的上限),不是学校统计报表的内容",
					String.valueOf(ex.getMessage()));
		}
		catch (UncomputedFormulaException ex) {
			throw reject("F07", CellRef.of(ex.sheet(), ex.row(), ex.column()),
					"单元格的公式没有保存计算结果,也无法由本系统计算;请用 Excel 或 WPS 打开、保存后重新报送", String.valueOf(ex.getMessage()));
		}
		catch (ZipGuard.UnsafePackageException ex) {
			if (ex.bomb()) {
				throw zipBomb(ex);
			}
			throw reject("F06", CellRef.workbook(),
					ex.chinese() != null ? ex.chinese() : "工作簿中的工作表或部件过多(超过" + ZipGuard.MAX_PARTS + "个),不是学校统计报表",
					"too many parts or a part too large: " + firstLine(ex.getMessage()));
		}
		catch (UnsupportedFormatException ex) {
			throw reject("F01", CellRef.workbook(), String.valueOf(ex.getMessage()),
					"unsupported format: " + ex.getMessage());
		}
		catch (EncryptedDocumentException ex) {
			throw reject("F03", CellRef.workbook(), "文件有密码保护,无法读取,请去除密码后重新报送",
					"password-protected workbook: " + firstLine(ex.getMessage()));
		}
		catch (Exception ex) {
			if (isZipBomb(ex)) {
				throw zipBomb(ex);
			}
			throw reject("F02", CellRef.workbook(), "文件已损坏或不完整,无法作为Excel工作簿读取", "corrupt or truncated workbook: "
					+ ex.getClass().getSimpleName() + ": " + firstLine(ex.getMessage()));
		}
	}

	/** The first line of a library's message, cut: one log line per rejection. */
	private static String firstLine(@Nullable String message) {
		String line = message == null ? "" : message.lines().findFirst().orElse("").strip();
		return line.length() > 200 ? line.substring(0, 200) + "…" : line;
	}

	/** F04: what the zip guard or a reader found too large once unpacked. */
	private static Rejection zipBomb(Exception ex) {
		return reject("F04", CellRef.workbook(), "文件解压后大小异常(疑似压缩炸弹),拒绝读取",
				"zip bomb or absurd unpacked size: " + firstLine(ex.getMessage()));
	}

	private static boolean isZipBomb(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			String message = String.valueOf(t.getMessage());
			if (message.contains("Zip bomb") || message.contains("max size of the expanded data")
					|| message.contains("exceeds the maximum") || t instanceof RecordFormatException) {
				return true;
			}
		}
		return false;
	}

	private static Rejection reject(String code, CellRef cell, String message, String reason) {
		return new Rejection(Finding.error(code, cell, message, reason));
	}

	/**
	 * Sets the process-wide safety limits of both readers: zip-bomb ratio, part size and
	 * count.
	 */
	public static void applySafetyLimits(long maxUnpackedEntryBytes) {
		ZipSecureFile.setMinInflateRatio(0.01);
		ZipSecureFile.setMaxEntrySize(maxUnpackedEntryBytes);
		ZipSecureFile.setMaxFileCount(ZipGuard.MAX_PARTS);
		ZipGuard.maxPartBytes(maxUnpackedEntryBytes);
	}

}
