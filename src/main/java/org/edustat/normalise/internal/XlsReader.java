package org.edustat.normalise.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.apache.poi.hssf.eventusermodel.AbortableHSSFListener;
import org.apache.poi.hssf.eventusermodel.FormatTrackingHSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFEventFactory;
import org.apache.poi.hssf.eventusermodel.HSSFRequest;
import org.apache.poi.hssf.eventusermodel.HSSFUserException;
import org.apache.poi.hssf.eventusermodel.MissingRecordAwareHSSFListener;
import org.apache.poi.hssf.record.BoundSheetRecord;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Reads Excel 97–2003 (.xls) workbooks with HSSF's event API; the caller bounds the file
 * size before it gets here.
 */
final class XlsReader {

	/**
	 * The workbook's sheet names in order, from the records of its workbook globals:
	 * reading stops at their end, before the first sheet's records.
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

	/**
	 * The wanted sheets, read from the workbook's records as they stream past (POI's
	 * event API): nothing of a sheet not wanted is kept, so a 19 MB .xls with a sheet of
	 * a million figures beside the form costs what its form costs — HSSF's whole model of
	 * it took about 150 MB, and two at once ended a server at -Xmx256m.
	 */
	RawWorkbook read(Path file, Predicate<String> wanted, ReadLimits limits) throws IOException {
		try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
			XlsRecords records = new XlsRecords(wanted, limits);
			FormatTrackingHSSFListener formats = new FormatTrackingHSSFListener(records);
			records.formats(formats);
			HSSFRequest request = new HSSFRequest();
			request.addListenerForAllRecords(new MissingRecordAwareHSSFListener(formats));
			new HSSFEventFactory().processWorkbookEvents(request, fs);
			return records.workbook();
		}
	}

}
