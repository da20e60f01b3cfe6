package org.edustat.validate;

/** What a rule's expressions are evaluated over. */
public enum Scope {

	/** Each row of a grid sheet (学生, 教职工, 学生健康), 合计 included. */
	ROW,
	/**
	 * Each column of a grid sheet: its 合计 ({@code total}) against the sum of the other
	 * rows ({@code sum}).
	 */
	TOTAL,
	/** A sheet once (办学条件): its items by name. */
	SHEET,
	/** Every figure of the workbook ({@code value}). */
	CELL,
	/** Each grade present in both 学生 ({@code stu}) and 学生健康 ({@code hlt}). */
	CROSS,
	/** The submission once: totals, the school, its registry entry. */
	SCHOOL,
	/** Each metric against the school's earlier periods in the database. */
	HISTORY,
	/**
	 * A period as a whole (the schools that went missing); computed by the quality
	 * report.
	 */
	PERIOD

}
