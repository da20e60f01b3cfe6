package org.edustat.demo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Files the contract says must be rejected whole: not a spreadsheet, truncated,
 * encrypted, a zip bomb.
 */
public final class HostileFiles {

	private HostileFiles() {
	}

	public static byte[] notASpreadsheet() {
		return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n学校工作总结\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
	}

	/** The first half of a real workbook, as a broken upload leaves it. */
	public static byte[] truncated(byte[] workbook) {
		return Arrays.copyOf(workbook, workbook.length / 2);
	}

	/** An .xlsx encrypted with a password (an OLE2 container holding EncryptionInfo). */
	public static byte[] encryptedXlsx(byte[] xlsx, String password) {
		try (POIFSFileSystem fs = new POIFSFileSystem()) {
			EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
			Encryptor encryptor = info.getEncryptor();
			encryptor.confirmPassword(password);
			try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(xlsx));
					OutputStream os = encryptor.getDataStream(fs)) {
				pkg.save(os);
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			fs.writeFilesystem(out);
			return out.toByteArray();
		}
		catch (IOException | GeneralSecurityException | InvalidFormatException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** An .xls saved with a password to open. */
	public static byte[] encryptedXls(byte[] xls, String password) {
		try (HSSFWorkbook wb = new HSSFWorkbook(new ByteArrayInputStream(xls))) {
			Biff8EncryptionKey.setCurrentUserPassword(password);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			Biff8EncryptionKey.setCurrentUserPassword(null);
		}
	}

	/**
	 * A small .xlsx whose one sheet unpacks to {@code unpackedMegabytes} MB of repeated
	 * cells: a few KB on disk, an absurd inflate ratio.
	 */
	public static byte[] zipBomb(int unpackedMegabytes) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.setLevel(Deflater.BEST_COMPRESSION);
			entry(zip, "[Content_Types].xml",
					"""
							<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
							<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
							<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
							<Default Extension="xml" ContentType="application/xml"/>
							<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
							<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
							</Types>""");
			entry(zip, "_rels/.rels",
					"""
							<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
							<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
							<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
							</Relationships>""");
			entry(zip, "xl/workbook.xml",
					"""
							<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
							<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
							<sheets><sheet name="学生" sheetId="1" r:id="rId1"/></sheets></workbook>""");
			entry(zip, "xl/_rels/workbook.xml.rels",
					"""
							<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
							<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
							<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
							</Relationships>""");
			zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
			zip.write(
					"<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">"
						.getBytes(StandardCharsets.UTF_8));
			byte[] filler = new byte[1 << 20];
			Arrays.fill(filler, (byte) ' ');
			for (int i = 0; i < unpackedMegabytes; i++) {
				zip.write(filler);
			}
			zip.write("</row></sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(text.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

}
