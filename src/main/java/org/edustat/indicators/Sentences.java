package org.edustat.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ready-to-paste sentences in the style of the bulletins: counts 增加 / 减少 with 增长 / 下降 N%, rates 提高 / 下降 N个百分点,
 * lower-is-better ratios 有所改善 / 有所上升, progress against the target, the rank among 区县, 上年同期无数据 where
 * there is no prior period; a zero denominator gives no sentence.
 */
public final class Sentences {

	private static final Map<String, String> SCHOOL_NOUNS = Map.of("学前", "幼儿园", "小学", "小学", "初中", "初中学校", "高中",
			"普通高中学校", "中职", "中等职业学校", "特教", "特殊教育学校");

	private Sentences() {
	}

	/** The sentences for an area: its key indicators, per 学段 where they carry the breakdown. */
	public static List<String> forArea(List<Comparison.Row> rows, String area, boolean yearEnd) {
		List<String> sentences = new ArrayList<>();
		for (Comparison.Row row : rows) {
			if (row.area().equals(area) && row.indicator().key()) {
				sentence(row, yearEnd).ifPresent(sentences::add);
			}
		}
		return sentences;
	}

	public static Optional<String> sentence(Comparison.Row row, boolean yearEnd) {
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
		else {
			parts.add(change(indicator, v, row.last(), row.change(), row.changeRate(), compared));
		}
		if (row.target() != null) {
			parts.add(target(indicator, v, row, yearEnd));
		}
		if (row.rank() != null) {
			parts.add("位居全市第" + row.rank());
		}
		return Optional.of(String.join(",", parts) + "。");
	}

	private static String subject(Indicator indicator, String where, String group) {
		if (indicator.code().equals("schools")) {
			return where + "共有" + (group.isEmpty() ? "学校" : SCHOOL_NOUNS.getOrDefault(group, group));
		}
		String name = indicator.unitKind() == Indicator.UnitKind.COUNT ? indicator.name().replaceAll("(生|师|工|儿)数$", "$1")
				: indicator.name();
		return where + group + name;
	}

	private static String change(Indicator indicator, BigDecimal v, BigDecimal last, BigDecimal change, BigDecimal changeRate,
			String compared) {
		int sign = round(change, indicator.decimals()).signum();
		if (sign == 0) {
			return "与" + compared.substring(1) + "持平";
		}
		if (indicator.isRate()) {
			return compared + (sign > 0 ? "提高" : "下降") + number(change.abs(), 2) + "个百分点";
		}
		if (indicator.unitKind() == Indicator.UnitKind.RATIO && !indicator.higherIsBetter()) {
			return compared + (sign < 0 ? "有所改善" : "有所上升");
		}
		String text = compared + (sign > 0 ? "增加" : "减少") + number(change.abs(), indicator.decimals()) + unit(indicator);
		if (changeRate != null) {
			text += "," + (sign > 0 ? "增长" : "下降") + number(changeRate.abs(), 1) + "%";
		}
		return text;
	}

	private static String target(Indicator indicator, BigDecimal v, Comparison.Row row, boolean yearEnd) {
		BigDecimal t = row.target();
		String targetText = plain(t) + unit(indicator);
		if (Boolean.TRUE.equals(row.targetMet())) {
			return "已完成年度目标(" + targetText + ")";
		}
		if (row.progress() != null) {
			return (yearEnd ? "年度目标完成率" : "年度任务进度") + number(row.progress(), 1) + "%";
		}
		BigDecimal gap = t.subtract(v).abs();
		return "距年度目标(" + targetText + ")还差" + (indicator.isRate() ? number(gap, 1) + "个百分点"
				: number(gap, indicator.decimals()) + unit(indicator));
	}

	/** A value with its unit as bulletins write it: 52,340人, 98.55%, 13.3:1. */
	public static String amount(Indicator indicator, BigDecimal v) {
		return number(v, indicator.decimals()) + unit(indicator);
	}

	private static String unit(Indicator indicator) {
		return indicator.unit();
	}

	/** A number with thousands separators and the given decimals. */
	public static String number(BigDecimal value, int decimals) {
		DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals));
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format.format(value);
	}

	private static String plain(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}

	private static BigDecimal round(BigDecimal value, int decimals) {
		return value.setScale(decimals, RoundingMode.HALF_UP);
	}
}
