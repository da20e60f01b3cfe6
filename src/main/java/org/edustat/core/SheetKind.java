package org.edustat.core;

import java.util.Arrays;
import java.util.Optional;

/** The five sheets of a school submission, by their canonical names. */
public enum SheetKind {

	BASIC("基本情况", true), STUDENTS("学生", true), STAFF("教职工", true), CONDITIONS("办学条件", true),
	HEALTH("学生健康", false);

	private final String label;

	private final boolean required;

	SheetKind(String label, boolean required) {
		this.label = label;
		this.required = required;
	}

	public String label() {
		return label;
	}

	public boolean required() {
		return required;
	}

	public static Optional<SheetKind> ofLabel(String label) {
		return Arrays.stream(values()).filter(k -> k.label.equals(label)).findFirst();
	}
}
