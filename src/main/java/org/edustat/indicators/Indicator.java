package org.edustat.indicators;

import java.math.BigDecimal;

/** An indicator ready to aggregate. */
public record Indicator(String code, String name, String unit, boolean flow, UnitKind unitKind, boolean higherIsBetter,
		Measure numerator, Measure denominator, BigDecimal scale, int decimals, boolean stages, boolean key) {

	/** What kind of number an indicator is; it chooses the words of a sentence. */
	public enum UnitKind {
		COUNT, RATE, RATIO
	}

	public boolean isRate() {
		return unitKind == UnitKind.RATE;
	}
}
