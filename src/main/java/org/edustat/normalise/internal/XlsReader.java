package org.edustat.normalise.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.apache.poi.hssf.eventusermodel.AbortableHSSFListener;
import org.apache.poi.hssf.eventusermodel.FormatTrackingHSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFEventFactory;
import org.apache.poi.hssf.eventusermodel.HSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFRequest;
import org.apache.poi.hssf.eventusermodel.HSSFUserException;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.BoolErrRecord;
import org.apache.poi.hssf.record.BoundSheetRecord;
import org.apache.poi.hssf.record.CellValueRecordInterface;
import org.apache.poi.hssf.record.DateWindow1904Record;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.hssf.record.StringRecord;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;

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

	/**
	 * Every sheet's cells, read as a stream of records (HSSF's event model): no workbook model is built, so a binary
	 * workbook costs about what its records do. Cells are given as the .xlsx reader gives them: numbers in plain
	 * notation, dates marked, formulas' cached values (number, text, truth, error), {@code ERROR:#…}; blank cells not.
	 */
	RawWorkbook read(Path file, Predicate<String> wanted, ReadLimits limits) throws IOException {
		try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
			String entry = HSSFWorkbook.getWorkbookDirEntryName(fs.getRoot());
			Records records = new Records(wanted, limits);
			HSSFRequest request = new HSSFRequest();
			request.addListenerForAllRecords(records.formats);
			try (InputStream in = fs.createDocumentInputStream(entry)) {
				new HSSFEventFactory().processEvents(request, in);
			}
			return records.workbook();
		}
	}

	/** The records of one workbook as they come: the globals first, then each sheet's substream in turn. */
	private static final class Records implements HSSFListener {

		private final Predicate<String> wanted;

		private final ReadLimits limits;

		private final FormatTrackingHSSFListener formats = new FormatTrackingHSSFListener(this, Locale.ROOT);

		private final List<BoundSheetRecord> bound = new ArrayList<>();

		private final List<RawSheet> parsed = new ArrayList<>();

		private BoundSheetRecord[] byPosition;

		private SSTRecord strings;

		private boolean date1904;

		/** Nesting of BOF … EOF: 1 inside the globals or a sheet, 2 inside a chart embedded in a sheet. */
		private int depth;

		private int substream = -1;

		/** The cells of the sheet being read, by row then column; {@code null} when the sheet is not wanted. */
		private SortedMap<Long, String> cells;

		private String sheetName;

		/** The cell whose formula's cached text follows in a STRING record, or -1. */
		private long pendingString = -1;

		Records(Predicate<String> wanted, ReadLimits limits) {
			this.wanted = wanted;
			this.limits = limits;
		}

		@Override
		public void processRecord(Record record) {
			switch (record.getSid()) {
				case BOFRecord.sid -> startOf((BOFRecord) record);
				case EOFRecord.sid -> endOf();
				case BoundSheetRecord.sid -> bound.add((BoundSheetRecord) record);
				case SSTRecord.sid -> strings = (SSTRecord) record;
				case DateWindow1904Record.sid -> date1904 = ((DateWindow1904Record) record).getWindowing() == 1;
				default -> {
					if (depth == 1 && cells != null) {
						cell(record);
					}
				}
			}
		}

		private void startOf(BOFRecord bof) {
			depth++;
			if (depth == 1 && bof.getType() != BOFRecord.TYPE_WORKBOOK) {
				substream++;
				if (byPosition == null) {
					byPosition = BoundSheetRecord.orderByBofPosition(bound);
				}
				sheetName = substream < byPosition.length ? byPosition[substream].getSheetname() : "Sheet" + (substream + 1);
				cells = wanted.test(sheetName) ? new TreeMap<>() : null;
			}
		}

		private void endOf() {
			if (depth == 1 && cells != null) {
				GridBuilder grid = new GridBuilder(sheetName, limits);
				int row = -1;
				for (Map.Entry<Long, String> cell : cells.entrySet()) {
					int r = (int) (cell.getKey() >>> 16);
					if (r != row) {
						if (row >= 0) {
							grid.endRow();
						}
						grid.startRow(r);
						row = r;
					}
					grid.cell((int) (cell.getKey() & 0xFFFF), cell.getValue());
				}
				if (row >= 0) {
					grid.endRow();
				}
				parsed.add(grid.build());
				cells = null;
			}
			depth--;
		}

		private void cell(Record record) {
			if (record instanceof StringRecord text) {
				if (pendingString >= 0) {
					put(pendingString, text.getString());
					pendingString = -1;
				}
				return;
			}
			if (!(record instanceof CellValueRecordInterface cell)) {
				return;
			}
			if (cell.getRow() >= limits.maxRows()) {
				throw new SheetTooLargeException(sheetName, limits.maxRows());
			}
			if (cell.getColumn() >= limits.maxColumns()) {
				throw new SheetTooLargeException(sheetName, limits.maxColumns());
			}
			long at = ((long) cell.getRow() << 16) | cell.getColumn();
			if (record instanceof LabelSSTRecord label) {
				put(at, strings == null ? null : strings.getString(label.getSSTIndex()).getString());
			}
			else if (record instanceof LabelRecord label) {
				put(at, label.getValue());
			}
			else if (record instanceof NumberRecord number) {
				put(at, number(cell, number.getValue()));
			}
			else if (record instanceof BoolErrRecord boolErr) {
				put(at, boolErr.isBoolean() ? bool(boolErr.getBooleanValue()) : error(boolErr.getErrorValue()));
			}
			else if (record instanceof FormulaRecord formula) {
				switch (formula.getCachedResultTypeEnum()) {
					case NUMERIC -> put(at, number(cell, formula.getValue()));
					case STRING -> pendingString = formula.hasCachedResultString() ? at : -1;
					case BOOLEAN -> put(at, bool(formula.getCachedBooleanValue()));
					case ERROR -> put(at, error(formula.getCachedErrorValue()));
					default -> {
					}
				}
			}
		}

		private void put(long at, String text) {
			if (text == null) {
				cells.remove(at);
			}
			else {
				cells.put(at, text);
			}
		}

		private String number(CellValueRecordInterface cell, double value) {
			boolean date = DateUtil.isValidExcelDate(value)
					&& DateUtil.isADateFormat(formats.getFormatIndex(cell), formats.getFormatString(cell));
			return date ? RawSheet.DATE_MARK + DateUtil.getLocalDateTime(value, date1904).toLocalDate()
					: RawValueFormatter.plain(value);
		}

		private static String bool(boolean value) {
			return value ? "TRUE" : "FALSE";
		}

		private static String error(int code) {
			return "ERROR:" + FormulaError.forInt(code).getString();
		}

		RawWorkbook workbook() {
			return new RawWorkbook(bound.stream().map(BoundSheetRecord::getSheetname).toList(), parsed);
		}
	}
}
