package org.edustat.normalise;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;

import org.edustat.form.Field;
import org.edustat.form.FieldType;
import org.edustat.form.Labels;
import org.edustat.normalise.internal.RawSheet;
import org.jspecify.annotations.Nullable;

/**
 * Reads the numbers schools type: text, full-width digits, thousands separators, a
 * trailing unit, 万 as a multiplier, 元 or 万元 for money, a percent sign. An empty cell is
 * zero.
 */
final class Numbers {

	private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

	private static final List<String> UNIT_WORDS = List.of("平方米", "㎡", "m2", "人", "个", "所", "册", "台", "间", "班", "名",
			"本", "次", "项");

	private static final Set<String> NOTHING = Set.of("-", "--", "—", "——", "–", "/", "无", "空");

	/** The unit a money column or item is expected in. */
	enum Money {

		NONE, YUAN, WAN_YUAN

	}

	private Numbers() {
	}

	/**
	 * The value of a cell of a field of the form, in the form's unit, within its limits.
	 * @param headerUnit the unit the header or label states in brackets (元 where the form
	 * asks 万元), or empty
	 * @throws IllegalArgumentException with a Chinese reason when the text is not a
	 * number or out of range
	 */
	static BigDecimal value(@Nullable String raw, Field field, String headerUnit) {
		BigDecimal value;
		if (field.type() == FieldType.YESNO) {
			value = yesNo(raw);
		}
		else if (field.type() == FieldType.MONEY && "万元".equals(field.unit())) {
			value = parse(raw, field.convert().containsKey(headerUnit) ? Money.YUAN : Money.WAN_YUAN);
		}
		else {
			value = parse(raw, Money.NONE);
			BigDecimal factor = field.convert().get(headerUnit);
			if (factor != null) {
				value = value.multiply(factor);
			}
		}
		BigDecimal max = field.max() != null ? field.max() : Field.LARGEST;
		if (value.abs().compareTo(max) > 0) {
			throw new IllegalArgumentException("「" + shown(raw) + "」超出允许的范围(绝对值不超过" + max.toPlainString() + ")");
		}
		if (field.type() == FieldType.COUNT && value.stripTrailingZeros().scale() > 0) {
			throw new IllegalArgumentException("「" + shown(raw) + "」不是整数(人数、班数、册数等须为整数)");
		}
		if (value.stripTrailingZeros().scale() > Field.DECIMALS) {
			value = value.setScale(Field.DECIMALS, RoundingMode.HALF_UP);
		}
		return value;
	}

	/**
	 * The value of a cell.
	 * @param money for a money cell, the unit its header states (10,000 元 become 1 万元);
	 * {@link Money#NONE} otherwise
	 * @throws IllegalArgumentException with a Chinese reason when the text is not a
	 * number
	 */
	static BigDecimal parse(@Nullable String raw, Money money) {
		if (raw == null) {
			return BigDecimal.ZERO;
		}
		if (raw.startsWith(RawSheet.DATE_MARK)) {
			throw new IllegalArgumentException("日期" + raw.substring(RawSheet.DATE_MARK.length()) + "不是数字");
		}
		if (raw.startsWith("ERROR:")) {
			throw new IllegalArgumentException("公式出错(" + raw.substring(6) + ")");
		}
		boolean plain = isPlain(raw);
		String text = plain ? raw : Labels.clean(raw).replace(",", "").replace("，", "");
		if (text.isEmpty() || NOTHING.contains(text)) {
			return BigDecimal.ZERO;
		}
		if ("TRUE".equalsIgnoreCase(text) || "FALSE".equalsIgnoreCase(text)) {
			throw new IllegalArgumentException("逻辑值" + text + "不是数字");
		}
		Money suffix = Money.NONE;
		boolean wan = false;
		if (text.endsWith("万元")) {
			suffix = Money.WAN_YUAN;
			text = text.substring(0, text.length() - 2);
		}
		else if (text.endsWith("元")) {
			suffix = Money.YUAN;
			text = text.substring(0, text.length() - 1);
		}
		else if (!plain) {
			text = stripUnitWord(text);
		}
		if (text.endsWith("%")) {
			text = text.substring(0, text.length() - 1);
		}
		if (text.endsWith("万")) {
			wan = true;
			text = text.substring(0, text.length() - 1);
		}
		BigDecimal value;
		try {
			value = new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("「" + raw.trim() + "」不是数字");
		}
		if (money == Money.NONE) {
			return wan ? value.multiply(TEN_THOUSAND) : value;
		}
		boolean inWan = suffix == Money.WAN_YUAN || wan || (suffix == Money.NONE && money == Money.WAN_YUAN);
		return inWan ? value : value.divide(TEN_THOUSAND, 6, RoundingMode.HALF_UP).stripTrailingZeros();
	}

	/**
	 * Whether the text is a number as a reader hands over a numeric cell (ASCII digits, a
	 * point, a leading minus), which needs none of the cleaning typed text does.
	 */
	private static boolean isPlain(String raw) {
		if (raw.isEmpty() || raw.length() > 40) {
			return false;
		}
		boolean digit = false;
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c >= '0' && c <= '9') {
				digit = true;
			}
			else if (c != '.' && !(c == '-' && i == 0)) {
				return false;
			}
		}
		return digit;
	}

	/** A value as a message shows it: a very long one cut, with its length. */
	private static String shown(@Nullable String raw) {
		String text = String.valueOf(raw).strip();
		return text.length() <= 24 ? text : text.substring(0, 12) + "…(" + text.length() + "位)";
	}

	/** 是 / 否 (also 有 / 无, Y / N, TRUE / FALSE, 1 / 0) as 1 or 0. */
	static BigDecimal yesNo(@Nullable String raw) {
		String text = Labels.clean(raw);
		return switch (text.toUpperCase()) {
			case "是", "有", "Y", "YES", "TRUE", "1", "√" -> BigDecimal.ONE;
			case "否", "无", "N", "NO", "FALSE", "0", "", "×" -> BigDecimal.ZERO;
			default -> throw new IllegalArgumentException("「" + String.valueOf(raw).trim() + "」应填「是」或「否」");
		};
	}

	private static String stripUnitWord(String text) {
		for (String unit : UNIT_WORDS) {
			if (text.endsWith(unit) && text.length() > unit.length()) {
				return text.substring(0, text.length() - unit.length());
			}
		}
		return text;
	}

}
