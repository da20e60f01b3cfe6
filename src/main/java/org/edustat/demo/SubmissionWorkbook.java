package org.edustat.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.edustat.core.FileFormat;
import org.edustat.core.Period;
import org.edustat.core.SchoolProfile;
import org.edustat.form.Form;
import org.edustat.form.SheetForm;

/**
 * Writes a school's submission workbook, clean or with any of the {@link Mess messy
 * variants} of the contract.
 */
public final class SubmissionWorkbook {

	private final SchoolProfile school;

	private final Period period;

	private final Figures figures;

	private final Set<Mess> mess = EnumSet.noneOf(Mess.class);

	private final Map<String, Object> basicOverrides = new LinkedHashMap<>();

	private final List<Consumer<Workbook>> tampering = new ArrayList<>();

	private FileFormat format = FileFormat.XLSX;

	private final Form form;

	private SubmissionWorkbook(SchoolProfile school, Period period, Figures figures, Form form) {
		this.school = school;
		this.period = period;
		this.figures = figures;
		this.form = form;
	}

	/** A school's workbook in the shape of the project's form (jobs/form.yaml). */
	public static SubmissionWorkbook of(DemoSchool school, Period period, Figures figures) {
		return of(school, period, figures, DemoForm.standard());
	}

	/** A school's workbook in the shape of the given form. */
	public static SubmissionWorkbook of(DemoSchool school, Period period, Figures figures, Form form) {
		return new SubmissionWorkbook(school.profile(), period, figures, form);
	}

	public SubmissionWorkbook mess(Mess... variants) {
		mess.addAll(List.of(variants));
		return this;
	}

	public SubmissionWorkbook mess(Set<Mess> variants) {
		mess.addAll(variants);
		return this;
	}

	public SubmissionWorkbook format(FileFormat format) {
		this.format = format;
		return this;
	}

	/**
	 * Writes another value into an item of 基本情况 (null leaves it blank, a missing row with
	 * {@link #dropBasic}).
	 */
	public SubmissionWorkbook basic(String item, Object value) {
		basicOverrides.put(item, value);
		return this;
	}

	/**
	 * Changes the workbook after it is written, e.g. to remove a sheet or put a wrong
	 * number into a cell.
	 */
	public SubmissionWorkbook tamper(Consumer<Workbook> change) {
		tampering.add(change);
		return this;
	}

	public byte[] bytes() {
		try (Workbook wb = format == FileFormat.XLSX ? new XSSFWorkbook() : new HSSFWorkbook()) {
			DemoSheets sheets = new DemoSheets(school, period, figures, mess, basicOverrides, wb);
			DemoGrid grids = new DemoGrid(figures, sheets);
			if (mess.contains(Mess.EXTRA_SHEETS)) {
				Sheet notes = wb.createSheet("填报说明");
				notes.createRow(0).createCell(0).setCellValue("请按统计口径如实填报,合计行应等于各年级之和。");
			}
			for (SheetForm sheet : form.sheets()) {
				Sheet written = wb.createSheet(name(sheet.name()));
				if (sheet.name().equals(Form.BASIC)) {
					sheets.basicSheet(written);
				}
				else if (sheet.grid()) {
					grids.gridSheet(written, sheet);
				}
				else {
					sheets.itemsSheet(written, sheet);
				}
			}
			if (mess.contains(Mess.EXTRA_SHEETS)) {
				Sheet cover = wb.createSheet("封面");
				cover.createRow(0).createCell(0).setCellValue(school.name() + " 统计报表");
				wb.setSheetHidden(wb.getSheetIndex(cover), true);
			}
			if (mess.contains(Mess.FORMULAS)) {
				wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
			}
			tampering.forEach(change -> change.accept(wb));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * How the demo spells sheet names in the sheet-name variant; other sheets get a
	 * trailing 表.
	 */
	private static final Map<String, String> SHEET_NAME_VARIANTS = Map.of("基本情况", "基本情况表", "学生", "学生情况 ", "教职工",
			"教职工统计表", "办学条件", "办学条件", "学生健康", "学生健康情况");

	private String name(String plain) {
		return mess.contains(Mess.SHEET_NAME_VARIANTS) ? SHEET_NAME_VARIANTS.getOrDefault(plain, plain + "表") : plain;
	}

	/** Marks an item of 基本情况 to be left out entirely. */
	public enum Dropped {

		ROW

	}

	static String fullWidth(String digits) {
		StringBuilder out = new StringBuilder();
		for (char ch : digits.toCharArray()) {
			out.append(ch >= '0' && ch <= '9' ? (char) ('０' + (ch - '0')) : ch);
		}
		return out.toString();
	}

}
