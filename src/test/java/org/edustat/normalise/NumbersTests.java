package org.edustat.normalise;

import java.math.BigDecimal;

import org.edustat.normalise.internal.RawSheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NumbersTests {

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', value = { "123|123", "１２３|123", "1,234|1234", "１，２３４|1234", "123人|123", " 45 |45",
			"1.2万|12000", "87%|87", "-|0", "无|0", "3.5|3.5", "12,000平方米|12000", "15间|15" })
	void readsCountsWrittenAsText(String text, String expected) {
		assertThat(Numbers.parse(text, Numbers.Money.NONE)).isEqualByComparingTo(new BigDecimal(expected));
	}

	@ParameterizedTest(name = "{0} in a {1} column → {2} 万元")
	@CsvSource(delimiter = '|', value = { "4.5万元|WAN_YUAN|4.5", "45000元|WAN_YUAN|4.5", "4.5|WAN_YUAN|4.5",
			"45000|YUAN|4.5", "4.5万元|YUAN|4.5", "4.5万|YUAN|4.5", "12,345,678|YUAN|1234.5678" })
	void convertsMoneyToTenThousandYuan(String text, Numbers.Money header, String expected) {
		assertThat(Numbers.parse(text, header)).isEqualByComparingTo(new BigDecimal(expected));
	}

	@ParameterizedTest
	@CsvSource({ "约三十,「约三十」不是数字", "TRUE,逻辑值TRUE不是数字", "ERROR:#DIV/0!,公式出错(#DIV/0!)" })
	void refusesWhatIsNotANumber(String text, String message) {
		assertThatIllegalArgumentException().isThrownBy(() -> Numbers.parse(text, Numbers.Money.NONE))
			.withMessage(message);
	}

	@ParameterizedTest
	@CsvSource({ "是,1", "否,0", "TRUE,1", "FALSE,0", "有,1" })
	void readsYesAndNo(String text, int expected) {
		assertThat(Numbers.yesNo(text)).isEqualByComparingTo(BigDecimal.valueOf(expected));
	}

	@Test
	void refusesADateWhereANumberIsAsked() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Numbers.parse(RawSheet.DATE_MARK + "2023-06-30", Numbers.Money.NONE))
			.withMessage("日期2023-06-30不是数字");
	}

}
