package org.edustat.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipException;

import org.apache.poi.hssf.model.InternalWorkbook;
import org.apache.poi.hssf.record.common.UnicodeString;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.model.SharedStringsTable;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.edustat.core.ZipSizes;
import org.edustat.form.Field;
import org.edustat.form.Form;

/**
 * What a 回执 may copy of a school's workbook: nothing when the workbook is larger than a
 * school's ever is, and never the form's personal items (填报人, 联系电话) in any byte.
 */
final class ReceiptPrivacy {

	private ReceiptPrivacy() {
	}

	/**
	 * Larger than a school workbook ever is: the 回执 then lists the findings alone,
	 * without copying the workbook.
	 */
	static final long MAX_COPIED_FILE = 2L * 1024 * 1024;

	static final long MAX_COPIED_UNPACKED = 4L * 1024 * 1024;

	/**
	 * Whether opening the whole workbook to copy it could take more memory than a 回执
	 * deserves: a file over 2 MB, or an .xlsx whose parts unpack to more than 4 MB (a
	 * hidden sheet of hundreds of thousands of rows, say).
	 */
	static boolean tooLargeToCopy(Path original) {
		try {
			if (Files.size(original) > MAX_COPIED_FILE) {
				return true;
			}
			return ZipSizes.declaredUnpacked(original, MAX_COPIED_UNPACKED) > MAX_COPIED_UNPACKED;
		}
		catch (ZipException ex) {
			return false;
		}
		catch (IOException ex) {
			return true;
		}
	}

	/**
	 * Removes the form's personal items (填报人, 联系电话) from every byte the copy will write,
	 * however the label is written (matched through the form's aliases): the cells beside
	 * their labels are blanked, and then every string the workbook keeps apart from its
	 * cells — the shared-string table of an .xlsx, the SST of an .xls, which blanking a
	 * cell leaves untouched — loses those values wherever they stand, as do the
	 * document's author fields. Personal data stays in the database for follow-up only.
	 * @param known the values the school gave for them, where the submission could be
	 * read
	 */
	static void removePersonalData(Workbook wb, Form form, List<String> known) {
		Set<String> values = new HashSet<>();
		known.stream().filter(v -> v != null && !v.isBlank()).forEach(v -> values.add(v.strip()));
		DataFormatter formatter = new DataFormatter(Locale.ROOT);
		for (Sheet sheet : wb) {
			for (Row row : sheet) {
				boolean personal = false;
				for (Cell cell : row) {
					if (personal) {
						String value = formatter.formatCellValue(cell).strip();
						if (!value.isEmpty()) {
							values.add(value);
						}
						cell.setBlank();
						continue;
					}
					String text = cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : "";
					personal = !text.isBlank() && form.basic().item(text).map(Field::personal).orElse(false);
				}
			}
		}
		values.removeIf(v -> v.length() < 2);
		Set<String> used = new HashSet<>();
		for (Sheet sheet : wb) {
			for (Row row : sheet) {
				for (Cell cell : row) {
					if (cell.getCellType() == CellType.STRING) {
						used.add(cell.getStringCellValue());
					}
				}
			}
		}
		if (wb instanceof XSSFWorkbook xssf) {
			SharedStringsTable strings = xssf.getSharedStringSource();
			for (int i = 0; strings != null && i < strings.getUniqueCount(); i++) {
				// a string no cell uses any more (a blanked item, a sheet the sender
				// deleted) is kept by no one: emptied
				if (strings.getItemAt(i) instanceof XSSFRichTextString text
						&& (containsAny(text.getString(), values) || !used.contains(text.getString()))) {
					text.getCTRst().setT(used.contains(text.getString()) ? without(text.getString(), values) : "");
					text.getCTRst().setRArray(null);
				}
			}
			xssf.getProperties().getCoreProperties().setCreator("");
			xssf.getProperties().getCoreProperties().setLastModifiedByUser("");
		}
		else if (wb instanceof HSSFWorkbook hssf) {
			InternalWorkbook internal = hssf.getInternalWorkbook();
			for (int i = 0;; i++) {
				UnicodeString text;
				try {
					text = internal.getSSTString(i);
				}
				catch (RuntimeException end) {
					break;
				}
				if (text != null && (containsAny(text.getString(), values) || !used.contains(text.getString()))) {
					text.setString(used.contains(text.getString()) ? without(text.getString(), values) : "");
					text.clearFormatting();
				}
			}
			if (hssf.getSummaryInformation() != null) {
				hssf.getSummaryInformation().setAuthor("");
				hssf.getSummaryInformation().setLastAuthor("");
			}
		}
	}

	private static boolean containsAny(String text, Set<String> values) {
		return text != null && values.stream().anyMatch(text::contains);
	}

	private static String without(String text, Set<String> values) {
		String out = text;
		for (String value : values) {
			out = out.replace(value, "");
		}
		return out;
	}

}
