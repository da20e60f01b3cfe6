package org.edustat.normalise;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.edustat.core.CellRef;
import org.edustat.core.Contact;
import org.edustat.core.DistrictCode;
import org.edustat.core.Figure;
import org.edustat.core.Identity;
import org.edustat.core.Period;
import org.edustat.core.Rejection;
import org.edustat.core.SheetData;
import org.edustat.core.Submission;
import org.edustat.form.Field;
import org.edustat.form.Form;
import org.edustat.form.SheetForm;
import org.edustat.normalise.internal.RawSheet;
import org.edustat.normalise.internal.RawWorkbook;

/**
 * Turns the sheets of a school's workbook into a {@link Submission} as the {@link Form}
 * describes it, or a {@link Rejection} listing every problem — with the school, period
 * and 区县 whenever 基本情况 could be read.
 */
public class SubmissionNormaliser {

	private final Form form;

	private final Predicate<DistrictCode> knownDistrict;

	public SubmissionNormaliser(Form form, Predicate<DistrictCode> knownDistrict) {
		this.form = form;
		this.knownDistrict = knownDistrict;
	}

	/**
	 * Whether a sheet of this name is one the normaliser reads: a sheet of the form, or a
	 * 回执's 审核结果.
	 */
	public static boolean wanted(Form form, String sheetName) {
		return form.sheetFor(sheetName).isPresent()
				|| SheetForm.sheetKey(sheetName).equals(SheetForm.sheetKey(Explanations.SHEET));
	}

	public Submission normalise(RawWorkbook workbook) {
		Problems problems = new Problems();
		List<String> notes = new ArrayList<>();
		Map<String, RawSheet> sheets = sheetsOfTheForm(workbook, problems, notes);
		for (String name : workbook.sheetNames()) {
			if (!wanted(form, name)) {
				notes.add("已忽略多余的工作表「" + name.strip() + "」");
			}
		}
		RawSheet basicSheet = sheets.get(Form.BASIC);
		if (basicSheet == null) {
			if (!problems.isEmpty()) {
				throw new Rejection(problems.findings());
			}
			problems.add("B01", CellRef.workbook(), "缺少工作表「" + Form.BASIC + "」,无法识别学校和统计期", "missing sheet 基本情况");
			throw new Rejection(problems.findings());
		}
		String basicName = basicSheet.name().strip();
		KeyValueSheets.Read basic = KeyValueSheets.read(form.basic(), basicSheet);
		BasicFields.School school = BasicFields.profile(basic, basicName, problems, knownDistrict);
		Period period = BasicFields.field(basic, "统计期", basicName, "B04", Periods::parse, problems);
		for (Field item : form.basic().items()) {
			KeyValueSheets.Entry entry = basic.get(item.name());
			if (entry != null && entry.raw() != null && entry.raw().strip().length() > item.maxLength()) {
				problems.add("N07", entry.cell(), "「" + item.name() + "」超过" + item.maxLength() + "个字",
						item.name() + " longer than " + item.maxLength() + " characters");
			}
		}
		Identity identity = new Identity(school.id() == null ? null : school.id().value(),
				school.name().isEmpty() ? null : school.name(), period == null ? null : period.code(),
				school.district() == null ? null : school.district().value());
		Contact contact = new Contact(BasicFields.text(basic, "填报人"), BasicFields.text(basic, "联系电话"));
		Map<String, SheetData> data = new LinkedHashMap<>();
		for (SheetForm sheetForm : form.sheets()) {
			RawSheet sheet = sheets.get(sheetForm.name());
			if (sheet == null) {
				if (sheetForm.required()) {
					problems.add("N01", CellRef.workbook(), "缺少工作表「" + sheetForm.name() + "」",
							"missing sheet " + sheetForm.name());
				}
				continue;
			}
			if (sheetForm.grid()) {
				Optional.ofNullable(GridSheets.read(sheetForm, sheet, problems, notes))
					.ifPresent(d -> data.put(sheetForm.name(), d));
			}
			else if (!sheetForm.name().equals(Form.BASIC)) {
				data.put(sheetForm.name(), items(sheetForm, sheet, problems, notes));
			}
		}
		if (!problems.isEmpty()) {
			throw new Rejection(problems.findings(), identity);
		}
		Map<String, String> explanations = workbook.sheets()
			.stream()
			.filter(sheet -> SheetForm.sheetKey(sheet.name()).equals(SheetForm.sheetKey(Explanations.SHEET)))
			.findFirst()
			.map(Explanations::read)
			.orElse(Map.of());
		// without a finding every field of 基本情况 was read
		return new Submission(school.profile(), Objects.requireNonNull(period), contact, data, List.copyOf(notes),
				explanations);
	}

	/**
	 * The sheet that stands for each sheet of the form: the one visible sheet that
	 * answers to its name. Hidden and very hidden sheets never stand in for a visible one
	 * (a hidden 「学生 」 with other figures beside the visible 学生 is passed over and noted);
	 * only where no visible sheet answers is a single hidden one read, and noted. Two
	 * visible sheets (or, with none visible, two hidden ones) that answer to one sheet of
	 * the form are refused as ambiguous, naming both.
	 */
	private Map<String, RawSheet> sheetsOfTheForm(RawWorkbook workbook, Problems problems, List<String> notes) {
		Map<String, List<RawSheet>> candidates = new LinkedHashMap<>();
		for (RawSheet sheet : workbook.sheets()) {
			form.sheetFor(sheet.name())
				.ifPresent(f -> candidates.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(sheet));
		}
		Map<String, RawSheet> sheets = new LinkedHashMap<>();
		candidates.forEach((name, all) -> {
			List<RawSheet> visible = all.stream().filter(s -> !s.hidden()).toList();
			List<RawSheet> chosen = visible.isEmpty() ? all : visible;
			if (chosen.size() > 1) {
				problems.add("N08", CellRef.workbook(),
						"工作表" + chosen.stream().map(s -> "「" + s.name() + "」").collect(Collectors.joining("和"))
								+ "都对应表「" + name + "」,无法确定以哪一个为准,请只保留一个",
						"ambiguous sheets for " + name);
				return;
			}
			RawSheet sheet = chosen.get(0);
			if (sheet.hidden()) {
				notes.add("已读取隐藏的工作表「" + sheet.name().strip() + "」");
			}
			all.stream().filter(s -> s != sheet).forEach(s -> notes.add("已忽略隐藏的工作表「" + s.name() + "」"));
			sheets.put(name, sheet);
		});
		return sheets;
	}

	/**
	 * A key–value sheet other than 基本情况 (办学条件 …): every numeric item of the form, in its
	 * unit.
	 */
	private SheetData items(SheetForm form, RawSheet sheet, Problems problems, List<String> notes) {
		String name = sheet.name().strip();
		KeyValueSheets.Read read = KeyValueSheets.read(form, sheet);
		Map<String, Map<String, Figure>> rows = new LinkedHashMap<>();
		List<Field> missing = new ArrayList<>();
		for (Field item : form.figures()) {
			KeyValueSheets.Entry entry = read.get(item.name());
			if (entry == null) {
				missing.add(item);
				continue;
			}
			try {
				BigDecimal value = Numbers.value(entry.raw(), item, entry.unit());
				rows.put(item.name(), Map.of(SheetData.VALUE, new Figure(value, entry.cell())));
			}
			catch (IllegalArgumentException ex) {
				problems.add("N04", entry.cell(), "「" + item.name() + "」:" + ex.getMessage(), "not a number");
			}
		}
		Explainer.missing(problems, notes, "N03", name, form.name(), "项目", missing, read.unrecognised(),
				CellRef.sheet(name));
		return new SheetData(form.name(), name, rows);
	}

}
