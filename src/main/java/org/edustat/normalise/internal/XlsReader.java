package org.edustat.normalise.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.apache.poi.hssf.eventusermodel.AbortableHSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFEventFactory;
import org.apache.poi.hssf.eventusermodel.HSSFRequest;
import org.apache.poi.hssf.eventusermodel.HSSFUserException;
import org.apache.poi.hssf.record.BoundSheetRecord;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Sheet;

/** Reads Excel 97–2003 (.xls) workbooks with HSSF; the caller bounds the file size before it gets here. */
final class XlsReader {

	/**
	 * The workbook's sheet names in order, from the records of its workbook globals: reading stops at their end, before
	 * the first sheet's records.
	 */
	List<String> sheetNames(Path file) throws IOException {
		List<String> names = new ArrayList<>();
		try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
			AbortableHSSFListener listener = new AbortableHSSFListener() {

				@Override
				public short abortableProcessRecord(Record record) {
					if (record instanceof BoundSheetRecord sheet) {
						names.add(sheet.getSheetname());
						return 0;
					}
					return STOP;
				}
			};
			HSSFRequest request = new HSSFRequest();
			request.addListener(listener, BoundSheetRecord.sid);
			request.addListener(listener, EOFRecord.sid);
			try {
				new HSSFEventFactory().abortableProcessWorkbookEvents(request, fs);
			}
			catch (HSSFUserException ex) {
				throw new IOException(ex);
			}
		}
		return names;
	}

	private static final short STOP = 1;

	RawWorkbook read(Path file, Predicate<String> wanted, ReadLimits limits) throws IOException {
		try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true);
				HSSFWorkbook workbook = new HSSFWorkbook(fs.getRoot(), false)) {
			List<String> names = new ArrayList<>();
			List<RawSheet> parsed = new ArrayList<>();
			for (Sheet sheet : workbook) {
				names.add(sheet.getSheetName());
				if (wanted.test(sheet.getSheetName())) {
					parsed.add(ModelSheets.parse(sheet, limits));
				}
			}
			return new RawWorkbook(names, parsed);
		}
	}
}
