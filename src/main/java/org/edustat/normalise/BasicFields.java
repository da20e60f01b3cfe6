package org.edustat.normalise;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

import org.edustat.core.CellRef;
import org.edustat.core.DistrictCode;
import org.edustat.core.SchoolId;
import org.edustat.core.SchoolProfile;
import org.edustat.core.SchoolType;
import org.edustat.core.Sponsor;
import org.edustat.core.UrbanRural;
import org.edustat.form.Labels;
import org.jspecify.annotations.Nullable;

/**
 * The fields of 基本情况 as the form names them: the school's identity (学校标识码, 学校名称, 行政区划代码,
 * 办学类型, 举办者, 城乡分类), each refused with its cell and reason when it is missing or not one
 * the contract allows.
 */
final class BasicFields {

	private BasicFields() {
	}

	/**
	 * The school's identity as far as it could be read: a field missing or refused is
	 * null, and a finding says why.
	 */
	record School(@Nullable SchoolId id, String name, @Nullable DistrictCode district, @Nullable SchoolType type,
			@Nullable Sponsor sponsor, @Nullable UrbanRural urbanRural) {

		/** The profile of a school whose every field was read (no finding). */
		SchoolProfile profile() {
			return new SchoolProfile(Objects.requireNonNull(id), name, Objects.requireNonNull(district),
					Objects.requireNonNull(type), Objects.requireNonNull(sponsor), Objects.requireNonNull(urbanRural));
		}
	}

	static School profile(KeyValueSheets.Read basic, String sheet, Problems problems,
			Predicate<DistrictCode> knownDistrict) {
		SchoolId id = field(basic, "学校标识码", sheet, "B02", raw -> {
			String digits = Labels.clean(raw).replace("'", "");
			if (!digits.matches("\\d{10}")) {
				throw new IllegalArgumentException("学校标识码须为10位数字,而非「" + shown(raw) + "」");
			}
			return new SchoolId(digits);
		}, problems);
		String name = text(basic, "学校名称");
		if (name == null) {
			problems.add("B05", cellOf(basic, "学校名称", sheet), "学校名称未填写", "school name missing");
		}
		DistrictCode district = field(basic, "行政区划代码", sheet, "B03", raw -> {
			if (!Labels.clean(raw).matches("\\d{6}")) {
				throw new IllegalArgumentException("行政区划代码须为6位数字,而非「" + shown(raw) + "」");
			}
			DistrictCode code = new DistrictCode(Labels.clean(raw));
			if (!knownDistrict.test(code)) {
				throw new IllegalArgumentException("行政区划代码" + code + "不是本局所辖区县");
			}
			return code;
		}, problems);
		SchoolType type = field(basic, "办学类型", sheet, "B06", raw -> SchoolType.ofLabel(Labels.clean(raw))
			.orElseThrow(() -> new IllegalArgumentException("办学类型「" + shown(raw) + "」不在规定的9类之中")), problems);
		Sponsor sponsor = field(basic, "举办者", sheet, "B07",
				raw -> Sponsor.ofLabel(Labels.clean(raw))
					.orElseThrow(() -> new IllegalArgumentException("举办者应为公办、民办或普惠性民办,而非「" + shown(raw) + "」")),
				problems);
		if (sponsor == Sponsor.INCLUSIVE_PRIVATE && type != null && type != SchoolType.KINDERGARTEN) {
			problems.add("B07", cellOf(basic, "举办者", sheet), "只有幼儿园可以是普惠性民办", "only a kindergarten is 普惠性民办");
		}
		UrbanRural urbanRural = field(basic, "城乡分类", sheet, "B08",
				raw -> UrbanRural.ofLabel(Labels.clean(raw))
					.orElseThrow(() -> new IllegalArgumentException("城乡分类应为城区、镇区或乡村,而非「" + shown(raw) + "」")),
				problems);
		return new School(id, name == null ? "" : name.strip(), district, type, sponsor, urbanRural);
	}

	static <T> @Nullable T field(KeyValueSheets.Read basic, String item, String sheet, String code,
			Function<String, T> parse, Problems problems) {
		KeyValueSheets.Entry entry = basic.get(item);
		if (entry == null || entry.raw() == null || Labels.clean(entry.raw()).isEmpty()) {
			problems.add(code, entry == null ? CellRef.sheet(sheet) : entry.cell(), item + "未填写", item + " missing");
			return null;
		}
		try {
			return parse.apply(entry.raw());
		}
		catch (IllegalArgumentException ex) {
			problems.add(code, entry.cell(), String.valueOf(ex.getMessage()), item + " invalid");
			return null;
		}
	}

	/**
	 * A value as shown back in a message: stripped and cut to a length a message can
	 * carry.
	 */
	private static String shown(String raw) {
		String text = raw.strip();
		return text.length() > 40 ? text.substring(0, 40) + "…" : text;
	}

	static @Nullable String text(KeyValueSheets.Read basic, String item) {
		KeyValueSheets.Entry entry = basic.get(item);
		return entry == null || entry.raw() == null || entry.raw().isBlank() ? null : entry.raw().strip();
	}

	private static CellRef cellOf(KeyValueSheets.Read basic, String item, String sheet) {
		KeyValueSheets.Entry entry = basic.get(item);
		return entry == null ? CellRef.sheet(sheet) : entry.cell();
	}

}
