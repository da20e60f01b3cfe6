package org.edustat.core;

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
}
