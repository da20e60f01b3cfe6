package org.edustat.indicators;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** An indicator ready to aggregate. */
public record Indicator(String code, String name, String unit, boolean flow, UnitKind unitKind, boolean higherIsBetter,
		Measure numerator, @Nullable Measure denominator, BigDecimal scale, int decimals, boolean stages, boolean key) {

	/** What kind of number an indicator is; it chooses the words of a sentence. */
	public enum UnitKind {

		COUNT, RATE, RATIO

	}

	/** Whether it counts schools (学校数): its change is always the plain one. */
	public boolean countsSchools() {
		return numerator != null && numerator.isCount() && denominator == null;
	}

	public boolean isRate() {
		return unitKind == UnitKind.RATE;
	}

	/**
	 * One school's own value: its numerator over its denominator, the numerator 0 where a
	 * share's condition leaves the school out (a private school's 公办 share); empty where
	 * the indicator does not apply to the school (在园幼儿数 of a 小学), where it did not report
	 * the figures, or where the denominator is zero.
	 */
	public Optional<BigDecimal> of(SchoolFacts school) {
		if (denominator == null) {
			return numerator.admits(school) ? numerator.of(school).map(value -> value.multiply(scale))
					: Optional.empty();
		}
		Optional<BigDecimal> top = numerator.admits(school) ? numerator.of(school) : Optional.of(BigDecimal.ZERO);
		if (top.isEmpty()) {
			return Optional.empty();
		}
		Optional<BigDecimal> bottom = denominator.admits(school) ? denominator.of(school) : Optional.empty();
		if (bottom.isEmpty() || bottom.get().signum() == 0) {
			return Optional.empty();
		}
		return Optional.of(top.get().multiply(scale).divide(bottom.get(), MathContext.DECIMAL64));
	}
}
