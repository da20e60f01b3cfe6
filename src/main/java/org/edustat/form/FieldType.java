package org.edustat.form;

/** What a cell of the form holds. */
public enum FieldType {

	/** A whole number of people, classes, rooms … (the default). */
	COUNT,
	/** A number that may have decimals (areas). */
	NUMBER,
	/**
	 * An amount of money in the field's unit, converted from the units of its
	 * {@code convert}.
	 */
	MONEY,
	/** 是 or 否, held as 1 or 0. */
	YESNO,
	/** Text (基本情况's items). */
	TEXT;

	public boolean numeric() {
		return this != TEXT;
	}

}
