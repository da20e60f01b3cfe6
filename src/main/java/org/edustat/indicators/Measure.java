package org.edustat.indicators;

import java.math.BigDecimal;
import java.util.Optional;

import org.edustat.validate.Expression;
import org.jspecify.annotations.Nullable;

/** A sum of one figure, or a count of schools, over the schools a condition admits. */
public record Measure(@Nullable String path, @Nullable Expression where) {

	public boolean isCount() {
		return path == null;
	}

	public boolean admits(SchoolFacts school) {
		return where == null || Boolean.TRUE.equals(where.evaluate(school.attributes()));
	}

	/**
	 * The school's contribution to the whole; empty where it did not report the figure
	 * (not zero).
	 */
	public Optional<BigDecimal> of(SchoolFacts school) {
		return path == null ? Optional.of(BigDecimal.ONE) : school.value(path);
	}
}
