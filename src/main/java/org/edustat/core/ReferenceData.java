package org.edustat.core;

import java.util.List;

/** What a reference workbook carries: any of the district list, the school registry and the annual targets. */
public record ReferenceData(List<District> districts, List<RegistryEntry> registry, List<Target> targets) {

	public boolean isEmpty() {
		return districts.isEmpty() && registry.isEmpty() && targets.isEmpty();
	}
}
