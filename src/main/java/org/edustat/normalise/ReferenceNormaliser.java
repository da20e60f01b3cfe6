package org.edustat.normalise;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import org.edustat.core.CellRef;
import org.edustat.core.District;
import org.edustat.core.DistrictCode;
import org.edustat.core.PublishedValue;
import org.edustat.core.ReferenceData;
import org.edustat.core.RegistryEntry;
import org.edustat.core.Rejection;
import org.edustat.core.SchoolId;
import org.edustat.core.SchoolProfile;
import org.edustat.core.SchoolType;
import org.edustat.core.Sponsor;
import org.edustat.core.Target;
import org.edustat.core.UrbanRural;
import org.edustat.form.Form;
import org.edustat.form.Labels;
import org.edustat.form.SheetForm;
import org.edustat.normalise.internal.RawSheet;
import org.edustat.normalise.internal.RawWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * Reads the bureau's reference workbooks: sheets 区县, 学校名录 and 年度目标, each a header row and
 * a row per entry.
 */
public class ReferenceNormaliser {

	/**
	 * The kinds of reference sheet in the order they are applied: a target names a 区县, a
	 * school its 区县.
	 */
	private static final List<String> KINDS = List.of(Form.DISTRICTS, Form.REGISTRY, Form.TARGETS, Form.PUBLISHED);

	private final Form form;

	private final Predicate<String> knownIndicator;

	private final Predicate<DistrictCode> knownDistrict;

	/** A reader that takes every indicator code and 区县 of a target as known. */
	public ReferenceNormaliser(Form form) {
		this(form, code -> true, code -> true);
	}

	/**
	 * @param knownIndicator whether a target's 指标代码 names an indicator of the catalogue
	 * @param knownDistrict whether a target's 行政区划代码 names a 区县 (the city, whose code
	 * ends in 00, always does)
	 */
	public ReferenceNormaliser(Form form, Predicate<String> knownIndicator, Predicate<DistrictCode> knownDistrict) {
		this.form = form;
		this.knownIndicator = knownIndicator;
		this.knownDistrict = knownDistrict;
	}

	/** Whether a sheet of this name is a reference sheet. */
	public boolean wanted(String sheetName) {
		return form.referenceFor(sheetName).isPresent();
	}

	/**
	 * Whether a workbook with these sheets is a reference workbook rather than a school
	 * submission.
	 */
	public boolean isReference(List<String> sheetNames) {
		return sheetNames.stream().anyMatch(this::wanted)
				&& sheetNames.stream().noneMatch(name -> SubmissionNormaliser.wanted(form, name));
	}

	/**
	 * Where a reference workbook stands in the order its kinds depend on each other — 区县
	 * (0), then 学校名录 (1), then 年度目标 (2) — by the first of these it holds; a workbook that
	 * holds none stands last.
	 */
	public int rank(List<String> sheetNames) {
		return sheetNames.stream().mapToInt(this::rank).min().orElse(KINDS.size());
	}

	private int rank(String sheetName) {
		int rank = form.referenceFor(sheetName).map(s -> KINDS.indexOf(s.name())).orElse(-1);
		return rank < 0 ? KINDS.size() : rank;
	}

	public ReferenceData normalise(RawWorkbook workbook) {
		Problems problems = new Problems();
		List<District> districts = new ArrayList<>();
		List<RegistryEntry> registry = new ArrayList<>();
		List<Target> targets = new ArrayList<>();
		List<PublishedValue> published = new ArrayList<>();
		Problems refused = new Problems();
		List<RawSheet> ordered = workbook.sheets()
			.stream()
			.sorted(Comparator.comparingInt(s -> rank(s.name())))
			.toList();
		for (RawSheet sheet : ordered) {
			String kind = form.referenceFor(sheet.name()).map(SheetForm::name).orElse("");
			if (kind.equals(Form.DISTRICTS)) {
				ReferenceRows.rows(sheet, form.referenceFor(sheet.name()).get(), problems,
						(get, at) -> districts.add(new District(new DistrictCode(get.apply("行政区划代码")), get.apply("名称"),
								blank(get.apply("上级代码")) ? null : new DistrictCode(get.apply("上级代码")))));
			}
			else if (kind.equals(Form.REGISTRY)) {
				ReferenceRows.rows(sheet, form.referenceFor(sheet.name()).get(), problems, (get, at) -> registry
					.add(new RegistryEntry(new SchoolProfile(new SchoolId(get.apply("学校标识码")), get.apply("学校名称"),
							new DistrictCode(get.apply("行政区划代码")),
							SchoolType.ofLabel(get.apply("办学类型"))
								.orElseThrow(() -> new IllegalArgumentException("办学类型无效")),
							Sponsor.ofLabel(get.apply("举办者")).orElseThrow(() -> new IllegalArgumentException("举办者无效")),
							UrbanRural.ofLabel(get.apply("城乡分类"))
								.orElseThrow(() -> new IllegalArgumentException("城乡分类无效"))),
							blank(get.apply("状态")) ? RegistryEntry.ACTIVE : get.apply("状态"),
							blank(get.apply("学校电话")) ? null : get.apply("学校电话"))));
			}
			else if (kind.equals(Form.TARGETS)) {
				ReferenceRows.rows(sheet, form.referenceFor(sheet.name()).get(), problems,
						(get, cell) -> target(get, cell, problems,
								code -> districts.stream().anyMatch(d -> d.code().equals(code)))
							.ifPresent(targets::add));
			}
			else if (kind.equals(Form.PUBLISHED)) {
				ReferenceRows.rows(sheet, form.referenceFor(sheet.name()).get(), problems,
						(get, cell) -> published(get, cell, refused,
								code -> districts.stream().anyMatch(d -> d.code().equals(code)))
							.ifPresent(published::add));
			}
		}
		if (!problems.isEmpty()) {
			throw new Rejection(problems.findings());
		}
		return new ReferenceData(districts, registry, targets, published, List.copyOf(refused.findings()));
	}

	/**
	 * A row of 历年数据, checked as it arrives like a 年度目标 — an unknown indicator (R03), an
	 * unknown 区县 (R04), a value that is not a number (R05), a year that is not one (R06)
	 * — but refused alone, as a warning at its cell: the other rows are applied.
	 */
	private Optional<PublishedValue> published(Function<String, String> get, Function<String, CellRef> cell,
			Problems refused, Predicate<DistrictCode> sameWorkbook) {
		String indicator = get.apply("指标代码");
		String district = get.apply("行政区划代码");
		String raw = get.apply("值");
		String year = get.apply("年度").replace("年", "").strip();
		int before = refused.findings().size();
		if (!year.matches("(19|20)\\d{2}")) {
			refused.warn("R06", cell.apply("年度"), "年度「" + year + "」不是年份，此行未采用", "not a year");
		}
		if (!knownIndicator.test(indicator)) {
			refused.warn("R03", cell.apply("指标代码"), "指标代码「" + indicator + "」不是指标目录(jobs/indicators.yaml)中的指标，此行未采用",
					"unknown indicator " + indicator);
		}
		DistrictCode code = null;
		try {
			code = new DistrictCode(district);
		}
		catch (IllegalArgumentException ex) {
			refused.warn("R04", cell.apply("行政区划代码"), "行政区划代码「" + district + "」无效，此行未采用", "invalid district code");
		}
		if (code != null && !district.endsWith("00") && !knownDistrict.test(code) && !sameWorkbook.test(code)) {
			refused.warn("R04", cell.apply("行政区划代码"), "行政区划代码「" + district + "」不是本市的区县，此行未采用",
					"unknown district " + district);
		}
		BigDecimal value = null;
		try {
			value = blank(raw) ? null : Numbers.parse(raw, Numbers.Money.NONE);
		}
		catch (IllegalArgumentException ex) {
			// refused below, at its cell
		}
		if (value == null) {
			refused.warn("R05", cell.apply("值"), "值「" + raw + "」不是数字，此行未采用", "published value not a number");
		}
		if (refused.findings().size() > before) {
			return Optional.empty();
		}
		// a value or code missing was refused above
		return Optional.of(new PublishedValue(Integer.parseInt(year), Objects.requireNonNull(code), indicator,
				Objects.requireNonNull(value)));
	}

	/**
	 * A row of 年度目标, checked as it arrives: a target naming no indicator of the catalogue
	 * (R03), no known 区县 (R04), or with a 目标值 that is not a number (R05) is refused at
	 * its cell.
	 */
	private Optional<Target> target(Function<String, String> get, Function<String, CellRef> cell, Problems problems,
			Predicate<DistrictCode> sameWorkbook) {
		String indicator = get.apply("指标代码");
		String district = get.apply("行政区划代码");
		String raw = get.apply("目标值");
		int before = problems.findings().size();
		if (!knownIndicator.test(indicator)) {
			problems.add("R03", cell.apply("指标代码"), "指标代码「" + indicator + "」不是指标目录(jobs/indicators.yaml)中的指标",
					"unknown indicator " + indicator);
		}
		DistrictCode code = null;
		try {
			code = new DistrictCode(district);
		}
		catch (IllegalArgumentException ex) {
			problems.add("R04", cell.apply("行政区划代码"), "行政区划代码「" + district + "」无效", "invalid district code");
		}
		if (code != null && !district.endsWith("00") && !knownDistrict.test(code) && !sameWorkbook.test(code)) {
			problems.add("R04", cell.apply("行政区划代码"), "行政区划代码「" + district + "」不是本市的区县",
					"unknown district " + district);
		}
		BigDecimal value = null;
		try {
			value = blank(raw) ? null : Numbers.parse(raw, Numbers.Money.NONE);
		}
		catch (IllegalArgumentException ex) {
			// refused below, at its cell
		}
		if (value == null) {
			problems.add("R05", cell.apply("目标值"), "目标值「" + raw + "」不是数字", "target not a number");
		}
		if (problems.findings().size() > before) {
			return Optional.empty();
		}
		// a value or code missing was refused above
		return Optional.of(new Target(Integer.parseInt(get.apply("年度").replace("年", "")), Objects.requireNonNull(code),
				indicator, Objects.requireNonNull(value)));
	}

	private static boolean blank(@Nullable String text) {
		return text == null || Labels.clean(text).isEmpty();
	}

	static BigDecimal number(String raw) {
		return Numbers.parse(raw, Numbers.Money.NONE);
	}

}
