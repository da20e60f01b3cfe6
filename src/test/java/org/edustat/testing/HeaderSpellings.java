package org.edustat.testing;

import java.util.Arrays;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The header-variant families of the contract: (sheet, canonical name) → what a school
 * types.
 */
public enum HeaderSpellings {

	SURROUNDING_AND_INNER_SPACES(
			(sheet, name) -> " " + Arrays.stream(name.split("")).collect(Collectors.joining(" ")) + "  "),
	LINE_BREAK_INSIDE((sheet, name) -> name.length() < 2 ? name : name.substring(0, 2) + "\n" + name.substring(2)),
	UNIT_IN_FULL_WIDTH_BRACKETS((sheet, name) -> unit(sheet, name, "（", "）")),
	UNIT_IN_BRACKETS((sheet, name) -> unit(sheet, name, "(", ")")),
	QI_ZHONG_WITH_FULL_WIDTH_COLON((sheet, name) -> name.replace("其中:", "其中：")),
	QI_ZHONG_WITHOUT_COLON((sheet, name) -> name.replace("其中:", "其中")),
	WITHOUT_QI_ZHONG((sheet, name) -> name.replace("其中:", "")), CONTRACT_ALIASES((sheet, name) -> switch (name) {
		case "在校生数" -> "在校学生数";
		case "其中:女" -> "女生";
		default -> name;
	}), FULL_WIDTH_FORMS((sheet, name) -> name.replace(":", "：").replace("(", "（").replace(")", "）") + "　");

	public final BiFunction<String, String, String> spelling;

	HeaderSpellings(BiFunction<String, String, String> spelling) {
		this.spelling = spelling;
	}

	private static String unit(String sheet, String name, String open, String close) {
		String unit = HandWorkbook.unitOf(sheet, name);
		return unit == null ? name : name + open + unit + close;
	}

}
