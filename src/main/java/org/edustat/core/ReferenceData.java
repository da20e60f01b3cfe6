package org.edustat.core;

import java.util.List;

/**
 * What a reference workbook carries: any of the district list, the school registry, the
 * annual targets and the totals published in earlier years (历年数据); {@code refused} are
 * the rows of 历年数据 not applied, each at its cell (the rest is applied).
 */
public record ReferenceData(List<District> districts, List<RegistryEntry> registry, List<Target> targets,
		List<PublishedValue> published, List<Finding> refused) {

	public ReferenceData(List<District> districts, List<RegistryEntry> registry, List<Target> targets) {
		this(districts, registry, targets, List.of(), List.of());
	}

	public boolean isEmpty() {
		return districts.isEmpty() && registry.isEmpty() && targets.isEmpty() && published.isEmpty();
	}
}
