package org.edustat.normalise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.edustat.core.CellRef;
import org.edustat.form.Field;

/**
 * Explains what the form asks for and a workbook lacks: each unrecognised header or label
 * that probably means a missing field is named with its cell and the field's name, and
 * the log line says what alias would accept it.
 */
final class Explainer {

	private Explainer() {
	}

	/**
	 * Reports the missing required fields of a sheet, with the unrecognised texts that
	 * may mean them; notes the unrecognised texts that are left over.
	 * @param sheet the sheet's name in the workbook
	 * @param canonical its name in the form
	 * @param what 列 (column) or 项目 (item)
	 */
	static void missing(Problems problems, List<String> notes, String code, String sheet, String canonical, String what,
			List<Field> missing, List<Unrecognised> unknown, CellRef fallback) {
		Map<Field, List<Unrecognised>> claimed = new LinkedHashMap<>();
		List<Unrecognised> unclaimed = new ArrayList<>();
		for (Unrecognised text : unknown) {
			Optional<Field> closest = text.closest(missing);
			closest.ifPresentOrElse(f -> claimed.computeIfAbsent(f, k -> new ArrayList<>()).add(text),
					() -> unclaimed.add(text));
		}
		for (Field field : missing) {
			List<Unrecognised> texts = claimed.getOrDefault(field, List.of());
			if (!field.required()) {
				texts.forEach(t -> notes
					.add("工作表「" + sheet + "」中未识别的" + what + t.shown() + "已忽略,是否为「" + field.name() + "」?"));
				continue;
			}
			if (texts.isEmpty()) {
				String others = unclaimed.isEmpty() ? ""
						: ";未识别的" + what + unclaimed.stream().map(Unrecognised::shown).collect(Collectors.joining("、"));
				problems.add(code, fallback, "工作表「" + sheet + "」缺少" + what + "「" + field.name() + "」" + others,
						"missing " + english(what) + " " + field.name());
				continue;
			}
			for (Unrecognised text : texts) {
				problems.add(code, text.cell(),
						"未识别的" + what + text.shown() + ",是否为「" + field.name() + "」?(工作表「" + sheet + "」缺少" + what + "「"
								+ field.name() + "」)",
						"missing " + english(what) + " " + field.name() + "; unrecognised " + english(what) + " "
								+ text.text() + hint(canonical, what, field, text.text()));
			}
		}
		unclaimed.forEach(t -> notes.add("工作表「" + sheet + "」中未识别的" + what + t.shown() + "已忽略"));
	}

	/**
	 * The line a statistician adds to jobs/form.yaml to accept a spelling, for the log.
	 */
	static String hint(String sheet, String what, Field field, String text) {
		return " — to accept this spelling add it to jobs/form.yaml, sheet " + sheet + ", " + english(what) + " "
				+ field.name() + ": aliases: [" + text + "] (在表式中「" + field.name() + "」的 aliases 加入「" + text + "」)";
	}

	private static String english(String what) {
		return switch (what) {
			case "列" -> "column";
			case "行" -> "row";
			default -> "item";
		};
	}

}
