package org.edustat.normalise;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.edustat.core.Grade;
import org.edustat.core.SheetKind;

/** The names schools give rows, columns and items, mapped to the canonical names of the contract. */
final class Aliases {

	static final String CLASSES = "班数";

	static final String STUDENTS = "在校生数";

	private static final Map<SheetKind, Map<String, List<String>>> COLUMNS = Map.of(
			SheetKind.STUDENTS, ordered(
					CLASSES, List.of("班数", "班级数", "班"),
					STUDENTS, List.of("在校生数", "在校学生数", "在校生", "学生数"),
					"其中:女", List.of("女", "女生", "女生数", "女学生"),
					"其中:随迁子女", List.of("随迁子女", "随迁子女数", "进城务工人员随迁子女"),
					"其中:残疾学生", List.of("残疾学生", "残疾学生数", "残疾"),
					"本期招生", List.of("本期招生", "本期招生数", "招生", "招生数"),
					"本期毕业生", List.of("本期毕业生", "本期毕业生数", "毕业生", "毕业生数")),
			SheetKind.STAFF, ordered(
					"人数", List.of("人数", "合计人数", "教职工数", "总人数"),
					"其中:女", List.of("女", "女性", "女教职工"),
					"研究生学历", List.of("研究生学历", "研究生", "学历研究生"),
					"本科学历", List.of("本科学历", "本科", "学历本科"),
					"正高级职称", List.of("正高级职称", "正高级", "正高"),
					"副高级职称", List.of("副高级职称", "副高级", "副高"),
					"本期新招聘", List.of("本期新招聘", "新招聘", "本期新招聘人数", "新招聘人数")),
			SheetKind.HEALTH, ordered(
					"体质测试人数", List.of("体质测试人数", "测试人数", "体测人数", "体质健康测试人数"),
					"合格人数", List.of("合格人数", "合格", "体质合格人数"),
					"优良人数", List.of("优良人数", "优良", "体质优良人数"),
					"视力筛查人数", List.of("视力筛查人数", "筛查人数", "视力筛查"),
					"近视人数", List.of("近视人数", "近视", "视力不良人数")));

	private static final Map<SheetKind, Map<String, List<String>>> ROWS = Map.of(
			SheetKind.STUDENTS, gradeRows(),
			SheetKind.HEALTH, gradeRows(),
			SheetKind.STAFF, ordered(
					"专任教师", List.of("专任教师"),
					"行政人员", List.of("行政人员"),
					"教辅人员", List.of("教辅人员"),
					"工勤人员", List.of("工勤人员", "工勤技能人员"),
					Grade.TOTAL, List.of("合计", "总计", "合计人数")));

	/** Items of the key-value sheets; a second list entry of each is the unit the contract asks for. */
	private static final Map<SheetKind, Map<String, List<String>>> ITEMS = Map.of(
			SheetKind.BASIC, ordered(
					"学校标识码", List.of("学校标识码", "学校标识代码", "学校代码", "标识码"),
					"学校名称", List.of("学校名称", "学校全称", "单位名称"),
					"行政区划代码", List.of("行政区划代码", "区划代码", "行政区划", "所在区县代码"),
					"办学类型", List.of("办学类型", "学校类型"),
					"举办者", List.of("举办者", "举办者类型", "办学性质"),
					"城乡分类", List.of("城乡分类", "城乡类型", "城乡"),
					"统计期", List.of("统计期", "统计时期", "报告期", "统计时点", "统计截止日期"),
					"填报人", List.of("填报人", "填表人"),
					"联系电话", List.of("联系电话", "电话", "联系方式")),
			SheetKind.CONDITIONS, ordered(
					"占地面积", List.of("占地面积", "学校占地面积"),
					"校舍建筑面积", List.of("校舍建筑面积", "校舍面积", "建筑面积"),
					"运动场地面积", List.of("运动场地面积", "运动场面积"),
					"塑胶运动场面积", List.of("塑胶运动场面积", "塑胶运动场地面积", "塑胶场地面积"),
					"图书", List.of("图书", "图书册数", "藏书", "图书藏量"),
					"教学用计算机", List.of("教学用计算机", "计算机", "教学用计算机数"),
					"多媒体教室", List.of("多媒体教室", "多媒体教室数"),
					"固定资产总值", List.of("固定资产总值", "固定资产"),
					"本期教育经费支出", List.of("本期教育经费支出", "教育经费支出", "经费支出"),
					"智慧校园", List.of("智慧校园", "是否智慧校园"),
					"参加教育共同体", List.of("参加教育共同体", "教育共同体", "教共体", "是否参加教育共同体")));

	/** Items whose contract unit is 万元. */
	static final List<String> MONEY_ITEMS = List.of("固定资产总值", "本期教育经费支出");

	/** Items answered 是 or 否. */
	static final List<String> YES_NO_ITEMS = List.of("智慧校园", "参加教育共同体");

	private static final Map<SheetKind, Map<String, String>> COLUMN_LOOKUP = invert(COLUMNS);

	private static final Map<SheetKind, Map<String, String>> ROW_LOOKUP = invert(ROWS);

	private static final Map<SheetKind, Map<String, String>> ITEM_LOOKUP = invert(ITEMS);

	private Aliases() {
	}

	static List<String> columns(SheetKind kind) {
		return List.copyOf(COLUMNS.get(kind).keySet());
	}

	static List<String> items(SheetKind kind) {
		return List.copyOf(ITEMS.get(kind).keySet());
	}

	static Optional<String> column(SheetKind kind, String header) {
		return Optional.ofNullable(COLUMN_LOOKUP.get(kind).get(Text.name(Text.clean(header))));
	}

	static Optional<String> row(SheetKind kind, String label) {
		return Optional.ofNullable(ROW_LOOKUP.get(kind).get(Text.name(Text.clean(label))));
	}

	static Optional<String> item(SheetKind kind, String label) {
		return Optional.ofNullable(ITEM_LOOKUP.get(kind).get(Text.name(Text.clean(label))));
	}

	private static Map<String, List<String>> gradeRows() {
		Map<String, List<String>> rows = new LinkedHashMap<>();
		rows.put("小班", List.of("小班"));
		rows.put("中班", List.of("中班"));
		rows.put("大班", List.of("大班"));
		String[] primary = { "一", "二", "三", "四", "五", "六" };
		for (int i = 0; i < primary.length; i++) {
			rows.put(primary[i] + "年级", List.of(primary[i] + "年级", (i + 1) + "年级", "小学" + primary[i] + "年级"));
		}
		String[] junior = { "七", "八", "九" };
		String[] juniorShort = { "一", "二", "三" };
		for (int i = 0; i < junior.length; i++) {
			rows.put(junior[i] + "年级", List.of(junior[i] + "年级", (i + 7) + "年级", "初" + juniorShort[i],
					"初中" + juniorShort[i] + "年级"));
			rows.put("高" + juniorShort[i], List.of("高" + juniorShort[i], "高中" + juniorShort[i] + "年级", (i + 10) + "年级"));
			rows.put("中职" + juniorShort[i] + "年级", List.of("中职" + juniorShort[i] + "年级", "中职" + (i + 1) + "年级",
					"中职" + juniorShort[i]));
		}
		rows.put(Grade.TOTAL, List.of("合计", "总计", "合计数"));
		return rows;
	}

	private static Map<String, List<String>> ordered(Object... pairs) {
		Map<String, List<String>> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			@SuppressWarnings("unchecked")
			List<String> names = (List<String>) pairs[i + 1];
			map.put((String) pairs[i], names);
		}
		return map;
	}

	private static Map<SheetKind, Map<String, String>> invert(Map<SheetKind, Map<String, List<String>>> aliases) {
		Map<SheetKind, Map<String, String>> lookup = new HashMap<>();
		aliases.forEach((kind, byCanonical) -> {
			Map<String, String> names = new HashMap<>();
			byCanonical.forEach((canonical, list) -> {
				names.put(Text.name(Text.clean(canonical)), canonical);
				list.forEach(alias -> names.put(Text.name(Text.clean(alias)), canonical));
			});
			lookup.put(kind, Map.copyOf(names));
		});
		return Map.copyOf(lookup);
	}
}
