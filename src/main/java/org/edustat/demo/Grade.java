package org.edustat.demo;

import java.util.Arrays;
import java.util.Optional;

import org.edustat.core.Stage;

/**
 * The grades the demo's schools teach, with their 学段: the demo's model of a school,
 * written out as the form's rows.
 */
public enum Grade {

	K1("小班", Stage.PRESCHOOL), K2("中班", Stage.PRESCHOOL), K3("大班", Stage.PRESCHOOL), G1("一年级", Stage.PRIMARY),
	G2("二年级", Stage.PRIMARY), G3("三年级", Stage.PRIMARY), G4("四年级", Stage.PRIMARY), G5("五年级", Stage.PRIMARY),
	G6("六年级", Stage.PRIMARY), G7("七年级", Stage.JUNIOR), G8("八年级", Stage.JUNIOR), G9("九年级", Stage.JUNIOR),
	G10("高一", Stage.SENIOR), G11("高二", Stage.SENIOR), G12("高三", Stage.SENIOR), V1("中职一年级", Stage.VOCATIONAL),
	V2("中职二年级", Stage.VOCATIONAL), V3("中职三年级", Stage.VOCATIONAL);

	/** The row key of the total row (合计) in every grid sheet. */
	public static final String TOTAL = "合计";

	private final String label;

	private final Stage stage;

	Grade(String label, Stage stage) {
		this.label = label;
		this.stage = stage;
	}

	public String label() {
		return label;
	}

	public Stage stage() {
		return stage;
	}

	public static Optional<Grade> ofLabel(String label) {
		return Arrays.stream(values()).filter(g -> g.label.equals(label)).findFirst();
	}

}
