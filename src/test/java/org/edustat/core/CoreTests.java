package org.edustat.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The values of the domain check themselves when built and read as the contract writes
 * them.
 */
class CoreTests {

	@Test
	void periodsParseCompareAndNameTheirNeighbours() {
		Period h1 = Period.parse("2023H1");
		assertThat(h1.label()).isEqualTo("2023年上半年");
		assertThat(h1.sameLastYear().code()).isEqualTo("2022H1");
		assertThat(Period.parse("2023Y").firstHalfOfYear()).isEqualTo(h1);
		assertThat(h1).isLessThan(Period.parse("2023Y"));
		assertThatThrownBy(() -> Period.parse("2023Q3")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aSchoolIdHasTenDigits() {
		assertThat(new SchoolId("2101000001").value()).isEqualTo("2101000001");
		assertThatThrownBy(() -> new SchoolId("21010")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aCellReadsAsExcelWritesIt() {
		assertThat(CellRef.of("学生", 1, 3)).hasToString("学生!D2");
		assertThat(CellRef.of("教职工", 9, 27)).hasToString("教职工!AB10");
		assertThat(CellRef.sheet("基本情况")).hasToString("基本情况");
		assertThat(CellRef.workbook()).hasToString("");
	}

}
