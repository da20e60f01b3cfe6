package org.edustat.core;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A 办学类型, with the 学段 its school-level figures group under and the grades it may teach.
 */
public enum SchoolType {

	KINDERGARTEN("幼儿园", Stage.PRESCHOOL, EnumSet.of(Stage.PRESCHOOL)),
	PRIMARY("小学", Stage.PRIMARY, EnumSet.of(Stage.PRIMARY)), JUNIOR("初级中学", Stage.JUNIOR, EnumSet.of(Stage.JUNIOR)),
	NINE_YEAR("九年一贯制学校", Stage.JUNIOR, EnumSet.of(Stage.PRIMARY, Stage.JUNIOR)),
	COMPLETE_SECONDARY("完全中学", Stage.SENIOR, EnumSet.of(Stage.JUNIOR, Stage.SENIOR)),
	SENIOR("高级中学", Stage.SENIOR, EnumSet.of(Stage.SENIOR)),
	TWELVE_YEAR("十二年一贯制学校", Stage.SENIOR, EnumSet.of(Stage.PRIMARY, Stage.JUNIOR, Stage.SENIOR)),
	VOCATIONAL("中等职业学校", Stage.VOCATIONAL, EnumSet.of(Stage.VOCATIONAL)), SPECIAL("特殊教育学校", Stage.SPECIAL,
			EnumSet.of(Stage.PRESCHOOL, Stage.PRIMARY, Stage.JUNIOR, Stage.SENIOR, Stage.VOCATIONAL));

	private final String label;

	private final Stage stage;

	private final Set<Stage> taughtStages;

	SchoolType(String label, Stage stage, Set<Stage> taughtStages) {
		this.label = label;
		this.stage = stage;
		this.taughtStages = taughtStages;
	}

	public String label() {
		return label;
	}

	/** The 学段 that school, staff and building figures of this type count under. */
	public Stage stage() {
		return stage;
	}

	/** Whether a school of this type may have students of this 学段. */
	public boolean teaches(Stage stage) {
		return taughtStages.contains(stage);
	}

	public static Optional<SchoolType> ofLabel(String label) {
		return Arrays.stream(values()).filter(t -> t.label.equals(label)).findFirst();
	}

}
