package org.edustat.load;

import java.math.BigDecimal;

import org.edustat.form.Field;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A figure's stored form, whole millionths: the six decimals numeric(20, 6) kept, read
 * back as it gave them, over the whole range a cell may hold.
 */
class StoredFiguresTests {

	@Test
	void keepsSixDecimalsExactlyAndReadsThemBackAsNumericGaveThem() {
		assertThat(StoredFigures.millionths(new BigDecimal("812"))).isEqualTo(812_000_000L);
		assertThat(StoredFigures.millionths(new BigDecimal("5230.5"))).isEqualTo(5_230_500_000L);
		assertThat(StoredFigures.millionths(new BigDecimal("-0.000123"))).isEqualTo(-123L);
		assertThat(StoredFigures.millionths(new BigDecimal("1.2E+3"))).isEqualTo(1_200_000_000L);
		assertThat(StoredFigures.value(5_230_500_000L)).isEqualTo(new BigDecimal("5230.500000"));
		assertThat(StoredFigures.value(-123L)).isEqualTo(new BigDecimal("-0.000123"));
	}

	@Test
	void roundsHalfUpPastSixDecimalsAsTheDatabaseDid() {
		assertThat(StoredFigures.millionths(new BigDecimal("0.0000005"))).isEqualTo(1L);
		assertThat(StoredFigures.millionths(new BigDecimal("0.00000049"))).isZero();
		assertThat(StoredFigures.millionths(new BigDecimal("-2.0000005"))).isEqualTo(-2_000_001L);
	}

	@Test
	void holdsTheLargestFigureACellMayHoldAndRefusesWhatWouldWrap() {
		BigDecimal largest = Field.LARGEST.add(new BigDecimal("0.999999"));
		assertThat(StoredFigures.value(StoredFigures.millionths(largest))).isEqualByComparingTo(largest);
		assertThat(StoredFigures.value(StoredFigures.millionths(largest.negate())))
			.isEqualByComparingTo(largest.negate());
		assertThatThrownBy(() -> StoredFigures.millionths(new BigDecimal("9223372036855")))
			.isInstanceOf(ArithmeticException.class);
	}

}
