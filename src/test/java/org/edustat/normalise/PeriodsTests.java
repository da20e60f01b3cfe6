package org.edustat.normalise;

import org.edustat.normalise.internal.RawSheet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PeriodsTests {

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|',
			value = { "2023H1|2023H1", "2023h1|2023H1", "2023上半年|2023H1", "2023年上半年|2023H1", "2023年6月30日|2023H1",
					"2023-06-30|2023H1", "2023/6/30|2023H1", "２０２３年上半年|2023H1", "45107|2023H1", "2023|2023Y",
					"2023年|2023Y", "2023年度|2023Y", "2023-12-31|2023Y", "2023年12月31日|2023Y", "2023Y|2023Y",
					"45291|2023Y" })
	void readsEveryFormOfThePeriod(String text, String code) {
		assertThat(Periods.parse(text).code()).isEqualTo(code);
	}

	@ParameterizedTest
	@CsvSource({ "2023-06-30,2023H1", "2023-12-31,2023Y" })
	void readsADateCell(String isoDate, String code) {
		assertThat(Periods.parse(RawSheet.DATE_MARK + isoDate).code()).isEqualTo(code);
	}

	@ParameterizedTest
	@ValueSource(strings = { "去年", "2023年3月31日", "第二季度", "23H1" })
	void refusesWhatIsNotAPeriod(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> Periods.parse(text));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2099H1", "2099年上半年", "2099-12-31", "1999Y" })
	void refusesAPeriodNoSubmissionCanBeFor(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> Periods.parse(text))
			.withMessageContaining("不可能:年份须在2000年至");
	}

}
