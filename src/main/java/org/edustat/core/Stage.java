package org.edustat.core;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

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

	/**
	 * The stages by label: the rules ask for a row's stage on every row of every file.
	 */
	private static final Map<String, Stage> BY_LABEL = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(Stage::label, Function.identity()));

	public static Optional<Stage> ofLabel(String label) {
		return label == null ? Optional.empty() : Optional.ofNullable(BY_LABEL.get(label));
	}

}
