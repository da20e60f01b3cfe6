package org.edustat.indicators;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

import org.edustat.indicators.Indicator.UnitKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The 文字摘要 sentences, verbatim, in the grammar of the bulletins. */
class SentencesTests {

	static final Indicator STUDENTS = new Indicator("students", "在校生数", "人", false, UnitKind.COUNT, true, null, null,
			BigDecimal.ONE, 0, true, true);

	static final Indicator PASS_RATE = new Indicator("fitness_pass_rate", "体质健康合格率", "%", false, UnitKind.RATE, true,
			null, null, BigDecimal.valueOf(100), 2, false, true);

	static final Indicator RATIO = new Indicator("student_teacher_ratio", "生师比", ":1", false, UnitKind.RATIO, false,
			null, null, BigDecimal.ONE, 1, false, true);

	static final Indicator NEW_TEACHERS = new Indicator("teachers_new", "新招聘教师数", "人", true, UnitKind.COUNT, true, null,
			null, BigDecimal.ONE, 0, false, true);

	static final Indicator KG_SHARE = new Indicator("kg_public_share", "公办园在园幼儿占比", "%", false, UnitKind.RATE, true,
			null, null, BigDecimal.valueOf(100), 2, false, true);

	static Comparison.Row row(Indicator indicator, String area, String group, String current, String last,
			String target, Boolean met, String progress, Integer rank) {
		BigDecimal v = current == null ? null : new BigDecimal(current);
		BigDecimal l = last == null ? null : new BigDecimal(last);
		BigDecimal change = v == null || l == null ? null : v.subtract(l);
		BigDecimal rate = change == null || indicator.isRate() ? null
				: change.multiply(BigDecimal.valueOf(100)).divide(l, MathContext.DECIMAL64);
		return new Comparison.Row(indicator, "990100", area, group.isEmpty() ? "" : "学段", group, v, l, change, rate,
				change, rate, BigDecimal.ONE, target == null ? null : new BigDecimal(target),
				progress == null ? null : new BigDecimal(progress), met, rank, false, null);
	}

	static final Indicator MYOPIA = new Indicator("myopia_rate", "近视率", "%", false, UnitKind.RATE, false, null, null,
			BigDecimal.valueOf(100), 2, false, true);

	static final Indicator SPENDING = new Indicator("spending", "教育经费支出", "万元", true, UnitKind.COUNT, true, null, null,
			BigDecimal.ONE, 2, false, true);

	@Test
	void aCountThatGrew() {
		assertThat(Sentences.sentence(row(STUDENTS, "云溪市", "小学", "52340", "51086", null, null, null, null), false))
			.hasValue("全市共有小学在校生52,340人，比上年同期（51,086人）增加1,254人，增长2.5%。");
	}

	@Test
	void aCountThatFellAtYearEnd() {
		assertThat(Sentences.sentence(row(STUDENTS, "清源区", "", "5000", "5100", null, null, null, 3), true))
			.hasValue("清源区共有在校生5,000人，比上年（5,100人）减少100人，下降2.0%，位居全市第3。");
	}

	@Test
	void aRateInPercentagePoints() {
		assertThat(Sentences.sentence(row(PASS_RATE, "云溪市", "", "98.55", "98.23", null, null, null, null), false))
			.hasValue("全市体质健康合格率98.55%，比上年同期提高0.32个百分点。");
	}

	@Test
	void aLowerIsBetterRatioThatImproved() {
		assertThat(Sentences.sentence(row(RATIO, "云溪市", "", "13.3", "13.8", null, null, null, null), false))
			.hasValue("全市生师比13.3:1，比上年同期（13.8:1）有所改善。");
		assertThat(Sentences.sentence(row(RATIO, "明湖区", "", "14.2", "13.8", null, null, null, 2), false))
			.hasValue("明湖区生师比14.2:1，比上年同期（13.8:1）有所上升，位居全市第2（由低到高）。");
	}

	@Test
	void noPriorPeriod() {
		assertThat(Sentences.sentence(row(PASS_RATE, "云溪市", "", "97.10", null, null, null, null, null), false))
			.hasValue("全市体质健康合格率97.10%，上年同期无数据。");
	}

	@Test
	void aZeroDenominatorGivesNoSentence() {
		assertThat(Sentences.sentence(row(PASS_RATE, "白石县", "", null, "96.00", null, null, null, null), false))
			.isEmpty();
	}

	@Test
	void targetsMetAndNotYet() {
		assertThat(Sentences.sentence(row(KG_SHARE, "云溪市", "", "58.83", "59.06", "56", true, null, null), false))
			.hasValue("全市公办园在园幼儿占比58.83%，比上年同期下降0.23个百分点，已完成年度目标（56%）。");
		assertThat(Sentences.sentence(row(KG_SHARE, "云溪市", "", "71.8", "70.1", "75", false, null, null), false))
			.hasValue("全市公办园在园幼儿占比71.80%，比上年同期提高1.70个百分点，距年度目标（75%）还差3.20个百分点。");
		assertThat(Sentences.sentence(row(NEW_TEACHERS, "云溪市", "", "130", "120", "150", false, "86.96", null), false))
			.hasValue("全市新招聘教师130人，比上年同期（120人）增加10人，增长8.3%，年度任务进度87.0%。");
		assertThat(Sentences.sentence(row(NEW_TEACHERS, "云溪市", "", "130", "130", "150", false, "86.96", null), true))
			.hasValue("全市新招聘教师130人，与上年（130人）持平，年度目标完成率87.0%。");
	}

	@Test
	void whereSchoolsAreMissingTheChangeIsOnTheComparableBasisWithoutThePlainPriorValue() {
		Comparison.Row row = new Comparison.Row(STUDENTS, "990102", "东岭区", "", "", new BigDecimal("4312"),
				new BigDecimal("5608"), new BigDecimal("-1296"), null, new BigDecimal("85"), new BigDecimal("2.01"),
				new BigDecimal("0.9"), null, null, null, null, false, null);
		assertThat(Sentences.sentence(row, false)).hasValue("东岭区共有在校生4,312人，按可比口径比上年同期增加85人，增长2.0%。");
	}

	@Test
	void aLowerIsBetterRankSaysWhichWayItRunsAndTiesShareARank() {
		Comparison.Row lowest = new Comparison.Row(MYOPIA, "990102", "东岭区", "", "", new BigDecimal("42.19"),
				new BigDecimal("43.00"), new BigDecimal("-0.81"), null, new BigDecimal("-0.81"), null, BigDecimal.ONE,
				null, null, null, 1, false, null);
		assertThat(Sentences.sentence(lowest, false)).hasValue("东岭区近视率42.19%，比上年同期下降0.81个百分点，为全市最低。");
		Comparison.Row tied = new Comparison.Row(STUDENTS, "990103", "西林区", "", "", new BigDecimal("3000"), null, null,
				null, null, null, null, null, null, null, 4, true, null);
		assertThat(Sentences.sentence(tied, true)).hasValue("西林区共有在校生3,000人，上年无数据，位居全市并列第4。");
	}

	@Test
	void targetsCarryThousandsSeparators() {
		assertThat(Sentences.sentence(row(SPENDING, "云溪市", "", "60000", "58000", "66000", false, "90.91", null), false))
			.hasValue("全市教育经费支出60,000.00万元，比上年同期（58,000.00万元）增加2,000.00万元，增长3.4%，年度任务进度90.9%。");
		assertThat(Sentences.sentence(row(KG_SHARE, "云溪市", "", "58.83", "59.06", "1234.5", false, null, null), false))
			.hasValue("全市公办园在园幼儿占比58.83%，比上年同期下降0.23个百分点，距年度目标（1,234.50%）还差1,175.67个百分点。");
	}

	@Test
	void aParagraphJoinsAnAreasWholeAreaSentencesInOrder() {
		List<Comparison.Row> rows = List.of(row(STUDENTS, "云溪市", "", "52340", "51086", null, null, null, null),
				row(STUDENTS, "云溪市", "小学", "30000", "29000", null, null, null, null),
				row(PASS_RATE, "云溪市", "", "98.55", "98.23", null, null, null, null));
		assertThat(Sentences.paragraph(rows, "990100", false, ""))
			.isEqualTo("全市共有在校生52,340人，比上年同期（51,086人）增加1,254人，增长2.5%。全市体质健康合格率98.55%，比上年同期提高0.32个百分点。");
	}

	@Test
	void aRateWhereLowerIsBetterRisesRatherThanImproves() {
		assertThat(Sentences.sentence(row(MYOPIA, "云溪市", "", "43.10", "42.19", null, null, null, null), false))
			.hasValue("全市近视率43.10%，比上年同期上升0.91个百分点。");
		assertThat(Sentences.sentence(row(PASS_RATE, "云溪市", "", "98.55", "98.23", null, null, null, null), false))
			.hasValue("全市体质健康合格率98.55%，比上年同期提高0.32个百分点。");
	}

	@Test
	void aCeilingTargetIsKeptWithinNotCompleted() {
		assertThat(Sentences.sentence(row(MYOPIA, "云溪市", "", "50.00", "51.00", "52", true, null, null), true))
			.hasValue("全市近视率50.00%，比上年下降1.00个百分点，控制在年度目标52%以内。");
		assertThat(Sentences.sentence(row(MYOPIA, "云溪市", "", "53.50", "51.00", "52", false, null, null), true))
			.hasValue("全市近视率53.50%，比上年上升2.50个百分点，高于年度目标（52%）1.50个百分点。");
	}

	@Test
	void theLinesPer学段JoinAnIndicatorsStagesInOneParagraphAndLeaveTheWholeAreaToItsParagraph() {
		List<Comparison.Row> rows = List.of(row(STUDENTS, "云溪市", "", "52340", "51086", null, null, null, null),
				row(STUDENTS, "云溪市", "小学", "30000", "29000", null, null, null, null),
				row(STUDENTS, "云溪市", "初中", "12000", "12000", null, null, null, null),
				row(PASS_RATE, "云溪市", "", "98.55", "98.23", null, null, null, null));
		assertThat(Sentences.byIndicator(rows, "990100", false))
			.containsExactly("全市共有小学在校生30,000人，比上年同期（29,000人）增加1,000人，增长3.4%。全市共有初中在校生12,000人，与上年同期（12,000人）持平。");
	}

}
