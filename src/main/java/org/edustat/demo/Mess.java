package org.edustat.demo;

/**
 * The ways real submissions differ from the template, as the contract lists them under
 * "What real submissions look like".
 */
public enum Mess {

	/**
	 * Title rows, a 填报说明 line, blank rows and a blank first column above and beside the
	 * tables.
	 */
	TITLE_ROWS,
	/** Two-row headers with merged cells: 其中 over 女 | 随迁子女 | 残疾学生, 学历 over 研究生 | 本科 … */
	MERGED_HEADER,
	/**
	 * Header variants: spaces, line breaks, full-width brackets, units, 在校学生数, 女生;
	 * columns in another order.
	 */
	HEADER_ALIASES,
	/**
	 * Numbers as text, full-width digits, thousands separators, 123人, 4.5万元, 1.2万, empty
	 * cells for zero.
	 */
	TEXT_NUMBERS,
	/**
	 * 合计 rows as SUM formulas (cached values), 智慧校园 as a boolean cell, 统计期 as a date
	 * cell.
	 */
	FORMULAS,
	/** Money in 元 where 万元 is asked, the header saying (元). */
	MONEY_IN_YUAN,
	/** A 填报说明 sheet and a hidden 封面 sheet besides the five. */
	EXTRA_SHEETS,
	/** The 合计 row placed first. */
	TOTAL_FIRST,
	/** Sheet names 基本情况表, 学生情况 (trailing space), 教职工统计表, 学生健康情况. */
	SHEET_NAME_VARIANTS,
	/** 统计期 written as 2023年上半年 / 2023年度 instead of the code. */
	PERIOD_AS_TEXT

}
