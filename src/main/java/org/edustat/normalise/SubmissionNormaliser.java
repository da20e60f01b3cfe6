package org.edustat.normalise;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import org.edustat.core.CellRef;
import org.edustat.core.Contact;
import org.edustat.core.DistrictCode;
import org.edustat.core.Figure;
import org.edustat.core.Period;
import org.edustat.core.Rejection;
import org.edustat.core.SchoolId;
import org.edustat.core.SchoolProfile;
import org.edustat.core.SchoolType;
import org.edustat.core.SheetData;
import org.edustat.core.SheetKind;
import org.edustat.core.Sponsor;
import org.edustat.core.Submission;
import org.edustat.core.UrbanRural;
import org.edustat.normalise.internal.RawSheet;
import org.edustat.normalise.internal.RawWorkbook;

/** Turns the grids of a school's workbook into a {@link Submission}, or a {@link Rejection} listing every problem. */
public class SubmissionNormaliser {

	private final Predicate<DistrictCode> knownDistrict;

	public SubmissionNormaliser(Predicate<DistrictCode> knownDistrict) {
		this.knownDistrict = knownDistrict;
	}

	/** Whether a sheet of this name is one the normaliser reads. */
	public static boolean wanted(String sheetName) {
		return SheetNames.kindOf(sheetName).isPresent() || SheetNames.matches(sheetName, Explanations.SHEET);
	}

	public Submission normalise(RawWorkbook workbook) {
		Problems problems = new Problems();
		Map<SheetKind, RawSheet> sheets = new EnumMap<>(SheetKind.class);
		for (RawSheet sheet : workbook.sheets()) {
			SheetNames.kindOf(sheet.name()).ifPresent(kind -> sheets.putIfAbsent(kind, sheet));
		}
		List<String> notes = new ArrayList<>();
		for (String name : workbook.sheetNames()) {
			if (SheetNames.kindOf(name).isEmpty() && !SheetNames.matches(name, Explanations.SHEET)) {
				notes.add("已忽略多余的工作表「" + name.strip() + "」");
			}
		}
		RawSheet basicSheet = sheets.get(SheetKind.BASIC);
		if (basicSheet == null) {
			problems.add("B01", CellRef.workbook(), "缺少工作表「基本情况」,无法识别学校和统计期", "missing sheet 基本情况");
			throw new Rejection(problems.findings());
		}
		Map<String, KeyValueSheets.Entry> basic = KeyValueSheets.read(SheetKind.BASIC, basicSheet);
		SchoolProfile school = profile(basic, basicSheet.name().strip(), problems);
		Period period = field(basic, "统计期", basicSheet.name().strip(), "B04", Periods::parse, problems);
		Contact contact = new Contact(text(basic, "填报人"), text(basic, "联系电话"));
		Map<SheetKind, SheetData> data = new EnumMap<>(SheetKind.class);
		for (SheetKind kind : List.of(SheetKind.STUDENTS, SheetKind.STAFF, SheetKind.HEALTH)) {
			RawSheet sheet = sheets.get(kind);
			if (sheet != null) {
				Optional.ofNullable(GridSheets.read(kind, sheet, problems)).ifPresent(d -> data.put(kind, d));
			}
		}
		RawSheet conditions = sheets.get(SheetKind.CONDITIONS);
		if (conditions != null) {
			data.put(SheetKind.CONDITIONS, conditions(conditions, problems));
		}
		for (SheetKind kind : SheetKind.values()) {
			if (kind.required() && !sheets.containsKey(kind)) {
				problems.add("N01", CellRef.workbook(), "缺少工作表「" + kind.label() + "」", "missing sheet " + kind.label());
			}
		}
		if (!problems.isEmpty()) {
			throw new Rejection(problems.findings());
		}
		Map<String, String> explanations = workbook.sheets().stream()
			.filter(sheet -> SheetNames.matches(sheet.name(), Explanations.SHEET))
			.findFirst()
			.map(Explanations::read)
			.orElse(Map.of());
		return new Submission(school, period, contact, data, List.copyOf(notes), explanations);
	}

	private SchoolProfile profile(Map<String, KeyValueSheets.Entry> basic, String sheet, Problems problems) {
		SchoolId id = field(basic, "学校标识码", sheet, "B02", raw -> {
			String digits = Text.clean(raw).replace("'", "");
			if (!digits.matches("\\d{10}")) {
				throw new IllegalArgumentException("学校标识码须为10位数字,而非「" + raw.strip() + "」");
			}
			return new SchoolId(digits);
		}, problems);
		String name = text(basic, "学校名称");
		if (name == null) {
			problems.add("B05", cellOf(basic, "学校名称", sheet), "学校名称未填写", "school name missing");
		}
		DistrictCode district = field(basic, "行政区划代码", sheet, "B03", raw -> {
			if (!Text.clean(raw).matches("\\d{6}")) {
				throw new IllegalArgumentException("行政区划代码须为6位数字,而非「" + raw.strip() + "」");
			}
			DistrictCode code = new DistrictCode(Text.clean(raw));
			if (!knownDistrict.test(code)) {
				throw new IllegalArgumentException("行政区划代码" + code + "不是本局所辖区县");
			}
			return code;
		}, problems);
		SchoolType type = field(basic, "办学类型", sheet, "B06", raw -> SchoolType.ofLabel(Text.clean(raw))
			.orElseThrow(() -> new IllegalArgumentException("办学类型「" + raw.strip() + "」不在规定的9类之中")), problems);
		Sponsor sponsor = field(basic, "举办者", sheet, "B07", raw -> Sponsor.ofLabel(Text.clean(raw))
			.orElseThrow(() -> new IllegalArgumentException("举办者应为公办、民办或普惠性民办,而非「" + raw.strip() + "」")),
				problems);
		if (sponsor == Sponsor.INCLUSIVE_PRIVATE && type != null && type != SchoolType.KINDERGARTEN) {
			problems.add("B07", cellOf(basic, "举办者", sheet), "只有幼儿园可以是普惠性民办", "only a kindergarten is 普惠性民办");
		}
		UrbanRural urbanRural = field(basic, "城乡分类", sheet, "B08", raw -> UrbanRural.ofLabel(Text.clean(raw))
			.orElseThrow(() -> new IllegalArgumentException("城乡分类应为城区、镇区或乡村,而非「" + raw.strip() + "」")),
				problems);
		return new SchoolProfile(id, name == null ? "" : name.strip(), district, type, sponsor, urbanRural);
	}

	private SheetData conditions(RawSheet sheet, Problems problems) {
		String name = sheet.name().strip();
		Map<String, KeyValueSheets.Entry> items = KeyValueSheets.read(SheetKind.CONDITIONS, sheet);
		Map<String, Map<String, Figure>> rows = new LinkedHashMap<>();
		for (String item : Aliases.items(SheetKind.CONDITIONS)) {
			KeyValueSheets.Entry entry = items.get(item);
			if (entry == null) {
				problems.add("N03", CellRef.sheet(name), "工作表「" + name + "」缺少项目「" + item + "」", "missing item " + item);
				continue;
			}
			try {
				BigDecimal value;
				if (Aliases.YES_NO_ITEMS.contains(item)) {
					value = Numbers.yesNo(entry.raw());
				}
				else if (Aliases.MONEY_ITEMS.contains(item)) {
					value = Numbers.parse(entry.raw(), "元".equals(entry.unit()) ? Numbers.Money.YUAN : Numbers.Money.WAN_YUAN);
				}
				else {
					value = Numbers.parse(entry.raw(), Numbers.Money.NONE);
				}
				rows.put(item, Map.of(SheetData.VALUE, new Figure(value, entry.cell())));
			}
			catch (IllegalArgumentException ex) {
				problems.add("N04", entry.cell(), "「" + item + "」:" + ex.getMessage(), "not a number");
			}
		}
		return new SheetData(SheetKind.CONDITIONS, name, rows);
	}

	private static <T> T field(Map<String, KeyValueSheets.Entry> basic, String item, String sheet, String code,
			Function<String, T> parse, Problems problems) {
		KeyValueSheets.Entry entry = basic.get(item);
		if (entry == null || entry.raw() == null || Text.clean(entry.raw()).isEmpty()) {
			problems.add(code, entry == null ? CellRef.sheet(sheet) : entry.cell(), item + "未填写", item + " missing");
			return null;
		}
		try {
			return parse.apply(entry.raw());
		}
		catch (IllegalArgumentException ex) {
			problems.add(code, entry.cell(), ex.getMessage(), item + " invalid");
			return null;
		}
	}

	private static String text(Map<String, KeyValueSheets.Entry> basic, String item) {
		KeyValueSheets.Entry entry = basic.get(item);
		return entry == null || entry.raw() == null || entry.raw().isBlank() ? null : entry.raw().strip();
	}

	private static CellRef cellOf(Map<String, KeyValueSheets.Entry> basic, String item, String sheet) {
		KeyValueSheets.Entry entry = basic.get(item);
		return entry == null ? CellRef.sheet(sheet) : entry.cell();
	}
}
