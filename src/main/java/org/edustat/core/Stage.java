package org.edustat.core;

import java.util.Arrays;
import java.util.Optional;

/** A 学段, the breakdown that national statistics report students and schools by. */
public enum Stage {

	PRESCHOOL("学前"), PRIMARY("小学"), JUNIOR("初中"), SENIOR("高中"), VOCATIONAL("中职"), SPECIAL("特教");

	private final String label;

	Stage(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public static Optional<Stage> ofLabel(String label) {
		return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst();
	}

}
