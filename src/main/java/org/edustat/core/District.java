package org.edustat.core;

import org.jspecify.annotations.Nullable;

/** A district (区县) of the bureau, or the city itself when it has no parent. */
public record District(DistrictCode code, String name, @Nullable DistrictCode parent) {

	public boolean isCity() {
		return parent == null;
	}
}
