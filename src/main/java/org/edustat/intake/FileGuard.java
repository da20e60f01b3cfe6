package org.edustat.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.edustat.core.CellRef;
import org.edustat.core.FileFormat;
import org.edustat.core.Finding;
import org.edustat.core.Rejection;

/**
 * Tells a file's format by its content and refuses what is empty, too large, encrypted or
 * not a spreadsheet.
 */
public class FileGuard {

	private final long maxFileSize;

	public FileGuard(long maxFileSize) {
		this.maxFileSize = maxFileSize;
	}

	public FileFormat check(Path file) throws IOException {
		long size = Files.size(file);
		if (size == 0) {
			throw reject("F01", "文件为空,不是Excel工作簿", "empty file, not a spreadsheet");
		}
		if (size > maxFileSize) {
			throw reject("F05", "文件过大(" + size / 1024 + " KB,上限 " + maxFileSize / 1024 + " KB)",
					"file too large: " + size + " bytes, limit " + maxFileSize);
		}
		FileMagic magic;
		try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
			magic = FileMagic.valueOf(in);
		}
		if (magic == FileMagic.OOXML) {
			return FileFormat.XLSX;
		}
		if (magic == FileMagic.OLE2) {
			if (isEncryptedOoxml(file)) {
				throw reject("F03", "文件有密码保护,无法读取,请去除密码后重新报送", "password-protected workbook");
			}
			return FileFormat.XLS;
		}
		throw reject("F01", "不是Excel工作簿(.xlsx/.xls),文件内容为" + describe(magic),
				"not a spreadsheet: content looks like " + magic);
	}

	private static boolean isEncryptedOoxml(Path file) {
		try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
			return fs.getRoot().hasEntry("EncryptionInfo");
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	private static String describe(FileMagic magic) {
		return switch (magic) {
			case PDF -> "PDF";
			case HTML, XML -> "网页或XML";
			case JPEG, GIF, PNG, TIFF, BMP -> "图片";
			case WORD2, MSWRITE, RTF -> "文字处理文档";
			default -> "未知格式";
		};
	}

	/**
	 * A refusal of the whole workbook with the given code, the school's message and the
	 * operator's reason.
	 */
	public static Rejection reject(String code, String message, String reason) {
		return new Rejection(Finding.error(code, CellRef.workbook(), message, reason));
	}

}
