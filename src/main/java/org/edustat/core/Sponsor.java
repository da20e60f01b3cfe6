package org.edustat.core;

import java.util.Arrays;
import java.util.Optional;

/** The 举办者 of a school; 普惠性民办 is a private kindergarten that counts as inclusive. */
public enum Sponsor {

	PUBLIC("公办"), PRIVATE("民办"), INCLUSIVE_PRIVATE("普惠性民办");

	private final String label;

	Sponsor(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public static Optional<Sponsor> ofLabel(String label) {
		return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst();
	}

}
