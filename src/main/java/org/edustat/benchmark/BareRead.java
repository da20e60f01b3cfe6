package org.edustat.benchmark;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * The benchmark's baseline: reads every cell of every sheet with POI's streaming API
 * (.xlsx) or HSSF (.xls) on one thread, with no normalisation and no database.
 */
final class BareRead {

	private long cells;

	long cells() {
		return cells;
	}

	/** Reads every cell with POI: the streaming API for .xlsx, HSSF for .xls. */
	void read(Path file) throws Exception {
		if (isXls(file)) {
			readXls(file);
			return;
		}
		readXlsxWithPoi(file);
	}

	static boolean isXls(Path file) throws Exception {
		try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
			return FileMagic.valueOf(in) == FileMagic.OLE2;
		}
	}

	void readXls(Path file) throws Exception {
		try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true);
				HSSFWorkbook wb = new HSSFWorkbook(fs.getRoot(), false)) {
			for (Sheet sheet : wb) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						cells += cell.getCellType().ordinal() >= 0 ? 1 : 0;
					}
				}
			}
		}
	}

	private void readXlsxWithPoi(Path file) throws Exception {
		try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
			XSSFReader reader = new XSSFReader(pkg);
			SharedStrings strings = reader.getSharedStringsTable();
			StylesTable styles = reader.getStylesTable();
			XSSFReader.SheetIterator sheets = reader.getSheetIterator();
			while (sheets.hasNext()) {
				try (InputStream in = sheets.next()) {
					XMLReader xml = XMLHelper.newXMLReader();
					xml.setContentHandler(
							new XSSFSheetXMLHandler(styles, strings, new XSSFSheetXMLHandler.SheetContentsHandler() {
								@Override
								public void startRow(int rowNum) {
								}

								@Override
								public void endRow(int rowNum) {
								}

								@Override
								public void cell(String reference, String value, XSSFComment comment) {
									cells++;
								}
							}, false));
					xml.parse(new InputSource(in));
				}
			}
		}
	}

}
