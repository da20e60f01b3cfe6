package org.edustat.normalise.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.edustat.core.ZipSizes;

/**
 * Reads an .xlsx whose formulas were saved without their results, computing them (POI's
 * formula evaluator): the streaming reader sees only saved results and hands such a
 * workbook over at its first formula without one.
 */
final class FormulaComputer {

	private FormulaComputer() {
	}

	/**
	 * Small enough to hold whole for computing its formulas: a school's workbook is tens
	 * of kilobytes.
	 */
	static final long MAX_COMPUTED_FILE = 2L * 1024 * 1024;

	static final long MAX_COMPUTED_UNPACKED = 8L * 1024 * 1024;

	/**
	 * A workbook whose formulas were saved without their results (written by a program,
	 * not by Excel, WPS or LibreOffice, which all save them): held whole by POI, which
	 * computes each such formula from the cells it refers to. A formula it cannot
	 * compute, or a workbook too large to hold, is refused naming the first such cell.
	 */
	static RawWorkbook read(Path file, Predicate<String> wanted, ReadLimits limits, UncomputedFormulaException first)
			throws IOException {
		// what the package's parts say they unpack to (each part's real size is bounded
		// by ZipGuard already)
		if (Files.size(file) > MAX_COMPUTED_FILE
				|| ZipSizes.declaredUnpacked(file, MAX_COMPUTED_UNPACKED) > MAX_COMPUTED_UNPACKED) {
			throw first;
		}
		try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
				XSSFWorkbook workbook = new XSSFWorkbook(pkg)) {
			FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
			List<String> names = new ArrayList<>();
			List<RawSheet> parsed = new ArrayList<>();
			for (Sheet sheet : workbook) {
				names.add(sheet.getSheetName());
				if (wanted.test(sheet.getSheetName())) {
					for (Row row : sheet) {
						for (Cell cell : row) {
							if (cell instanceof XSSFCell model && cell.getCellType() == CellType.FORMULA
									&& withoutResult(model)) {
								compute(evaluator, cell);
							}
						}
					}
					parsed.add(ModelSheets.parse(sheet, limits));
				}
			}
			return new RawWorkbook(names, parsed);
		}
		catch (InvalidFormatException ex) {
			throw new IOException(ex);
		}
	}

	/** No {@code <v>}, or an empty one that is not a text result. */
	private static boolean withoutResult(XSSFCell cell) {
		return !cell.getCTCell().isSetV()
				|| cell.getCTCell().getV().isEmpty() && cell.getCachedFormulaResultType() != CellType.STRING;
	}

	private static void compute(FormulaEvaluator evaluator, Cell cell) {
		try {
			evaluator.evaluateFormulaCell(cell);
		}
		catch (RuntimeException ex) {
			throw new UncomputedFormulaException(cell.getSheet().getSheetName(), cell.getRowIndex(),
					cell.getColumnIndex(), ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
	}

}
