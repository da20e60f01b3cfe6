package org.edustat.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Ready-to-paste sentences in the grammar of the bulletins: stock counts 共有 …, the prior
 * value in brackets (比上年同期(4,980人)增加254人,增长5.1%), rates 提高 / 下降 N个百分点, ratios with their
 * prior value and 有所改善 / 有所上升 by polarity, 按可比口径 where the schools of the two periods
 * differ, progress against the target with separators, ranks that say which way they run
 * and ties (并列); 上年同期无数据 where there is no prior period; a zero denominator gives no
 * sentence. Paragraphs join an area's whole-area sentences as a 工作总结 reads.
 */
public final class Sentences {

	private static final Map<String, String> SCHOOL_NOUNS = Map.of("学前", "幼儿园", "小学", "小学", "初中", "初中学校", "高中",
			"普通高中学校", "中职", "中等职业学校", "特教", "特殊教育学校");

	private Sentences() {
	}

	/**
	 * The detailed sentences for an area per 学段, one paragraph an indicator (its 学段 in
	 * order): 幼儿园, 小学, 初中 … of 学校数 together, then of 在校生数, and so on.
	 */
	public static List<String> byIndicator(List<Comparison.Row> rows, String area, boolean yearEnd) {
		Map<String, StringBuilder> paragraphs = new LinkedHashMap<>();
		for (Comparison.Row row : rows) {
			if (row.area().equals(area) && row.indicator().key() && row.groupType().equals("学段")) {
				sentence(row, yearEnd).ifPresent(
						s -> paragraphs.computeIfAbsent(row.indicator().code(), k -> new StringBuilder()).append(s));
			}
		}
		return paragraphs.values().stream().map(StringBuilder::toString).toList();
	}

	/**
	 * One paragraph for an area: the sentences of its key indicators for the whole area,
	 * in the catalogue's order.
	 * @param causes why its count of schools changed, where known (2所未报送), or empty
	 */
	public static String paragraph(List<Comparison.Row> rows, String area, boolean yearEnd, String causes) {
		StringBuilder paragraph = new StringBuilder();
		for (Comparison.Row row : rows) {
			if (row.area().equals(area) && row.indicator().key() && row.group().isEmpty()) {
				sentence(row, yearEnd, causes).ifPresent(paragraph::append);
			}
		}
		return paragraph.toString();
	}

	public static Optional<String> sentence(Comparison.Row row, boolean yearEnd) {
		return sentence(row, yearEnd, null);
	}

	/**
	 * A sentence; for a count of schools, {@code causes} names why the count changed
	 * where that is known (2所未报送、1所被退回).
	 */
	public static Optional<String> sentence(Comparison.Row row, boolean yearEnd, @Nullable String causes) {
		Indicator indicator = row.indicator();
		BigDecimal v = row.current();
		if (v == null) {
			return Optional.empty();
		}
		String where = row.areaName().endsWith("市") ? "全市" : row.areaName();
		String compared = yearEnd ? "比上年" : "比上年同期";
		List<String> parts = new ArrayList<>();
		parts.add(subject(indicator, where, row.group()) + amount(indicator, v));
		if (row.last() == null) {
			parts.add(yearEnd ? "上年无数据" : "上年同期无数据");
		}
		else if (row.statedChange() != null) {
			parts.add(change(indicator, row, compared, causes));
		}
		if (row.target() != null) {
			parts.add(target(indicator, v, row, yearEnd));
		}
		if (row.rank() != null && !indicator.countsSchools()) {
			parts.add(rank(indicator, row));
		}
		return Optional.of(String.join("，", parts) + "。");
	}

	private static String subject(Indicator indicator, String where, String group) {
		if (indicator.countsSchools()) {
			return where + "共有" + (group.isEmpty() ? "学校" : SCHOOL_NOUNS.getOrDefault(group, group));
		}
		if (indicator.unitKind() == Indicator.UnitKind.COUNT) {
			String name = indicator.name().replaceAll("(生|师|工|儿)数$", "$1");
			return where + (indicator.flow() ? "" : "共有") + group + name;
		}
		return where + group + indicator.name();
	}

	/**
	 * The change against the prior period: the plain one with the prior value in
	 * brackets, or, where the two periods' schools differ, the comparable one (按可比口径).
	 */
	private static String change(Indicator indicator, Comparison.Row row, String compared, @Nullable String causes) {
		boolean comparable = row.onComparableBasis();
		BigDecimal change = Objects.requireNonNull(row.statedChange());
		String basis = comparable ? "按可比口径" + compared : compared;
		int sign = change.setScale(indicator.isRate() ? 2 : indicator.decimals(), RoundingMode.HALF_UP).signum();
		String prior = comparable ? "" : "（" + amount(indicator, Objects.requireNonNull(row.last())) + "）";
		if (indicator.isRate()) {
			String up = indicator.higherIsBetter() ? "提高" : "上升";
			return sign == 0 ? (comparable ? "按可比口径" : "") + "与" + compared.substring(1) + "持平"
					: basis + (sign > 0 ? up : "下降") + number(change.abs(), 2) + "个百分点";
		}
		if (indicator.unitKind() == Indicator.UnitKind.RATIO) {
			boolean better = indicator.higherIsBetter() ? sign > 0 : sign < 0;
			return sign == 0 ? (comparable ? "按可比口径" : "") + "与" + compared.substring(1) + prior + "持平"
					: basis + prior + (better ? "有所改善" : "有所上升");
		}
		if (sign == 0) {
			return (comparable ? "按可比口径" : "") + "与" + compared.substring(1) + prior + "持平";
		}
		String text = basis + prior + (sign > 0 ? "增加" : "减少") + number(change.abs(), indicator.decimals())
				+ indicator.unit()
				+ (indicator.countsSchools() && causes != null && !causes.isEmpty() ? "（" + causes + "）" : "");
		BigDecimal rate = row.statedChangeRate();
		if (rate != null) {
			text += "，" + (sign > 0 ? "增长" : "下降") + number(rate.abs(), 1) + "%";
		}
		return text;
	}

	private static String target(Indicator indicator, BigDecimal v, Comparison.Row row, boolean yearEnd) {
		BigDecimal t = Objects.requireNonNull(row.target());
		String targetText = number(t, t.stripTrailingZeros().scale() <= 0 ? 0 : indicator.decimals())
				+ indicator.unit();
		boolean ceiling = !indicator.higherIsBetter();
		if (Boolean.TRUE.equals(row.targetMet())) {
			return ceiling ? "控制在年度目标" + targetText + "以内" : "已完成年度目标（" + targetText + "）";
		}
		if (row.progress() != null) {
			return (yearEnd ? "年度目标完成率" : "年度任务进度") + number(row.progress(), 1) + "%";
		}
		BigDecimal gap = t.subtract(v).abs();
		String by = indicator.isRate() ? number(gap, 2) + "个百分点" : number(gap, indicator.decimals()) + indicator.unit();
		return ceiling ? "高于年度目标（" + targetText + "）" + by : "距年度目标（" + targetText + "）还差" + by;
	}

	/**
	 * The rank among 区县: the best is first whichever way the indicator runs, and the
	 * sentence says which way.
	 */
	private static String rank(Indicator indicator, Comparison.Row row) {
		String place = (row.tied() ? "并列第" : "第") + row.rank();
		if (indicator.higherIsBetter()) {
			return "位居全市" + place;
		}
		return Objects.requireNonNull(row.rank()) == 1 && !row.tied() ? "为全市最低" : "位居全市" + place + "（由低到高）";
	}

	/** A value with its unit as bulletins write it: 52,340人, 98.55%, 13.3:1. */
	public static String amount(Indicator indicator, BigDecimal v) {
		return number(v, indicator.decimals()) + indicator.unit();
	}

	/** A number with thousands separators and the given decimals. */
	public static String number(BigDecimal value, int decimals) {
		DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals));
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format.format(value);
	}

}
