package org.edustat.normalise.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/** Reads .xlsx with POI's streaming API: one SAX pass per wanted sheet, cached formula results, no workbook model. */
final class XlsxReader {

	RawWorkbook read(Path file, Predicate<String> wanted, ReadLimits limits)
			throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
		try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
			if (!pkg.getPartsByName(Pattern.compile("/xl/workbook\\.bin")).isEmpty()) {
				throw new UnsupportedFormatException("Excel 二进制工作簿(.xlsb)不受支持,请另存为 .xlsx 或 .xls 后重新报送");
			}
			XSSFReader reader = new XSSFReader(pkg);
			XSSFReader.SheetIterator sheets = reader.getSheetIterator();
			List<String> names = new ArrayList<>();
			List<RawSheet> parsed = new ArrayList<>();
			SharedStrings strings = null;
			StylesTable styles = null;
			while (sheets.hasNext()) {
				try (InputStream in = sheets.next()) {
					String name = sheets.getSheetName();
					names.add(name);
					if (!wanted.test(name)) {
						continue;
					}
					if (strings == null) {
						strings = new ReadOnlySharedStringsTable(pkg);
						styles = reader.getStylesTable();
					}
					parsed.add(parseSheet(name, in, strings, styles, limits));
				}
			}
			return new RawWorkbook(names, parsed);
		}
	}

	private RawSheet parseSheet(String name, InputStream in, SharedStrings strings, StylesTable styles,
			ReadLimits limits) throws IOException, SAXException, ParserConfigurationException {
		GridBuilder grid = new GridBuilder(name, limits);
		XMLReader xml = XMLHelper.newXMLReader();
		xml.setContentHandler(
				new XSSFSheetXMLHandler(styles, strings, new GridHandler(grid), new RawValueFormatter(), false));
		xml.parse(new InputSource(in));
		return grid.build();
	}

	private record GridHandler(GridBuilder grid) implements SheetContentsHandler {

		@Override
		public void startRow(int rowNum) {
			grid.startRow(rowNum);
		}

		@Override
		public void endRow(int rowNum) {
			grid.endRow();
		}

		@Override
		public void cell(String reference, String formattedValue, XSSFComment comment) {
			if (reference != null) {
				grid.cell(new CellReference(reference).getCol(), formattedValue);
			}
		}
	}
}
