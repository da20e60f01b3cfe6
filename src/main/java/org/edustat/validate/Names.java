package org.edustat.validate;

import java.util.LinkedHashMap;
import java.util.Map;

import org.edustat.core.SheetData;
import org.edustat.core.SheetKind;

/** The English variable names rules use for the contract's columns and items, and the metrics of history rules. */
public final class Names {

	private static final Map<SheetKind, Map<String, String>> VARIABLES = Map.of(
			SheetKind.STUDENTS, ordered("classes", "班数", "students", "在校生数", "female", "其中:女", "migrant", "其中:随迁子女",
					"disabled", "其中:残疾学生", "enrolment", "本期招生", "graduates", "本期毕业生"),
			SheetKind.STAFF, ordered("count", "人数", "female", "其中:女", "postgrad", "研究生学历", "bachelor", "本科学历", "senior",
					"正高级职称", "associate", "副高级职称", "hired", "本期新招聘"),
			SheetKind.HEALTH, ordered("tested", "体质测试人数", "passed", "合格人数", "good", "优良人数", "screened", "视力筛查人数",
					"myopic", "近视人数"),
			SheetKind.CONDITIONS, ordered("landArea", "占地面积", "buildingArea", "校舍建筑面积", "sportsArea", "运动场地面积",
					"syntheticArea", "塑胶运动场面积", "books", "图书", "computers", "教学用计算机", "mmRooms", "多媒体教室", "assets",
					"固定资产总值", "spending", "本期教育经费支出", "smartCampus", "智慧校园", "community", "参加教育共同体"));

	/** A figure a history rule compares: sheet, row and column. */
	public record Metric(String label, SheetKind sheet, String row, String column) {
	}

	public static final Map<String, Metric> METRICS = Map.of(
			"students", new Metric("在校生数", SheetKind.STUDENTS, "合计", "在校生数"),
			"teachers", new Metric("专任教师数", SheetKind.STAFF, "专任教师", "人数"),
			"buildingArea", new Metric("校舍建筑面积", SheetKind.CONDITIONS, "校舍建筑面积", SheetData.VALUE),
			"enrolment", new Metric("招生数", SheetKind.STUDENTS, "合计", "本期招生"),
			"graduates", new Metric("毕业生数", SheetKind.STUDENTS, "合计", "本期毕业生"),
			"hired", new Metric("新招聘教职工数", SheetKind.STAFF, "合计", "本期新招聘"),
			"spending", new Metric("教育经费支出", SheetKind.CONDITIONS, "本期教育经费支出", SheetData.VALUE));

	private Names() {
	}

	/** Variable name → canonical column (grid sheets) or item (办学条件). */
	public static Map<String, String> variables(SheetKind kind) {
		return VARIABLES.getOrDefault(kind, Map.of());
	}

	private static Map<String, String> ordered(String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}
}
