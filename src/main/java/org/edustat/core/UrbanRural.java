package org.edustat.core;

import java.util.Arrays;
import java.util.Optional;

/** The 城乡分类 of a school's location. */
public enum UrbanRural {

	URBAN("城区"), TOWN("镇区"), RURAL("乡村");

	private final String label;

	UrbanRural(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public static Optional<UrbanRural> ofLabel(String label) {
		return Arrays.stream(values()).filter(u -> u.label.equals(label)).findFirst();
	}

}
