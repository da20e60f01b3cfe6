package org.edustat.normalise.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.apache.poi.hssf.eventusermodel.FormatTrackingHSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFListener;
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
import org.apache.poi.hssf.record.RKRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.hssf.record.StringRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.jspecify.annotations.Nullable;

/**
 * Listens to an .xls workbook's records and keeps the cells of the wanted sheets, each as
 * the .xlsx reader gives it: numbers in plain notation, dates marked (in the workbook's
 * own date system, 1900 or 1904), formulas by their saved result, errors as
 * {@code ERROR:#…}. Sheets are told apart by their place in the stream: a substream that
 * begins at the top level is the next sheet in the order of its BOF position; a chart's
 * nested substream belongs to its sheet.
 */
final class XlsRecords implements HSSFListener {

	private final Predicate<String> wanted;

	private final ReadLimits limits;

	private @Nullable FormatTrackingHSSFListener formats;

	private final List<BoundSheetRecord> bound = new ArrayList<>();

	private BoundSheetRecord @Nullable [] inStreamOrder;

	private @Nullable SSTRecord strings;

	private boolean date1904;

	private int depth;

	private int sheet = -1;

	/**
	 * The current sheet's cells by row and column, or null when the sheet is not wanted.
	 */
	private @Nullable TreeMap<Integer, TreeMap<Integer, String>> cells;

	private final Map<String, RawSheet> parsed = new TreeMap<>();

	private @Nullable FormulaRecord awaitingText;

	XlsRecords(Predicate<String> wanted, ReadLimits limits) {
		this.wanted = wanted;
		this.limits = limits;
	}

	void formats(FormatTrackingHSSFListener formats) {
		this.formats = formats;
	}

	@Override
	public void processRecord(Record record) {
		if (record instanceof BoundSheetRecord sheetRecord) {
			bound.add(sheetRecord);
		}
		else if (record instanceof DateWindow1904Record window) {
			date1904 = window.getWindowing() == 1;
		}
		else if (record instanceof SSTRecord sst) {
			strings = sst;
		}
		else if (record instanceof BOFRecord bof) {
			begin(bof);
		}
		else if (record instanceof EOFRecord) {
			end();
		}
		else if (record instanceof StringRecord text && awaitingText != null) {
			put(awaitingText, text.getString());
			awaitingText = null;
		}
		else if (record instanceof CellValueRecordInterface cell && cells != null && depth == 1) {
			cell(cell);
		}
	}

	private void begin(BOFRecord bof) {
		depth++;
		if (depth == 1 && bof.getType() != BOFRecord.TYPE_WORKBOOK) {
			if (inStreamOrder == null) {
				inStreamOrder = BoundSheetRecord.orderByBofPosition(bound);
			}
			sheet++;
			boolean known = sheet < inStreamOrder.length;
			cells = known && bof.getType() == BOFRecord.TYPE_WORKSHEET
					&& wanted.test(inStreamOrder[sheet].getSheetname()) ? new TreeMap<>() : null;
		}
	}

	private void end() {
		if (depth == 1 && cells != null) {
			BoundSheetRecord record = Objects.requireNonNull(inStreamOrder)[sheet];
			GridBuilder grid = new GridBuilder(record.getSheetname(), limits);
			cells.forEach((row, columns) -> {
				grid.startRow(row);
				columns.forEach(grid::cell);
				grid.endRow();
			});
			parsed.put(record.getSheetname(), grid.build(record.isHidden() || record.isVeryHidden()));
			cells = null;
		}
		depth = Math.max(0, depth - 1);
	}

	private void cell(CellValueRecordInterface cell) {
		if (cell instanceof NumberRecord number) {
			put(cell, number(cell, number.getValue()));
		}
		else if (cell instanceof RKRecord rk) {
			put(cell, number(cell, rk.getRKNumber()));
		}
		else if (cell instanceof LabelSSTRecord label) {
			put(cell, strings == null ? null : strings.getString(label.getSSTIndex()).getString());
		}
		else if (cell instanceof LabelRecord label) {
			put(cell, label.getValue());
		}
		else if (cell instanceof BoolErrRecord boolErr) {
			put(cell, boolErr.isBoolean() ? (boolErr.getBooleanValue() ? "TRUE" : "FALSE")
					: "ERROR:" + FormulaError.forInt(boolErr.getErrorValue()).getString());
		}
		else if (cell instanceof FormulaRecord formula) {
			formula(formula);
		}
	}

	private void formula(FormulaRecord formula) {
		CellType type = formula.getCachedResultTypeEnum();
		switch (type) {
			case NUMERIC -> put(formula, number(formula, formula.getValue()));
			case BOOLEAN -> put(formula, formula.getCachedBooleanValue() ? "TRUE" : "FALSE");
			case ERROR -> put(formula, "ERROR:" + FormulaError.forInt(formula.getCachedErrorValue()).getString());
			case STRING -> awaitingText = formula.hasCachedResultString() ? formula : null;
			default -> {
			}
		}
	}

	private String number(CellValueRecordInterface cell, double value) {
		FormatTrackingHSSFListener known = Objects.requireNonNull(formats, "cells before the workbook's formats");
		return RawValueFormatter.numeric(value, known.getFormatIndex(cell), known.getFormatString(cell), date1904);
	}

	/**
	 * Keeps a cell's text, enforcing the sheet's limits before anything beyond them is
	 * held.
	 */
	private void put(CellValueRecordInterface cell, @Nullable String text) {
		if (cells == null || text == null || text.isEmpty()) {
			return;
		}
		String name = Objects.requireNonNull(inStreamOrder)[sheet].getSheetname();
		if (cell.getColumn() >= limits.maxColumns()) {
			throw new SheetTooLargeException(name, limits.maxColumns());
		}
		if (cell.getRow() >= limits.maxRows()
				|| cells.size() >= limits.maxRows() && !cells.containsKey(cell.getRow())) {
			throw new SheetTooLargeException(name, limits.maxRows());
		}
		if (text.length() > GridBuilder.MAX_CELL_TEXT) {
			throw new CellTooLongException(name, cell.getRow(), cell.getColumn());
		}
		cells.computeIfAbsent(cell.getRow(), r -> new TreeMap<>()).put((int) cell.getColumn(), text);
	}

	/** The workbook: every sheet's name in tab order, the wanted ones read. */
	RawWorkbook workbook() {
		List<String> names = bound.stream().map(BoundSheetRecord::getSheetname).toList();
		List<RawSheet> sheets = names.stream().filter(parsed::containsKey).map(parsed::get).toList();
		return new RawWorkbook(names, sheets);
	}

}
