package org.edustat.normalise;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.edustat.core.DistrictCode;
import org.edustat.core.FileFormat;
import org.edustat.core.Finding;
import org.edustat.core.ReferenceData;
import org.edustat.core.Rejection;
import org.edustat.demo.ReferenceWorkbooks;
import org.edustat.testing.Workbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * 年度目标 checked when it arrives: each wrong row refused with its R-code at the cell that
 * is wrong, like any reference row.
 */
class ReferenceTargetsTests {

	@TempDir
	Path folder;

	final WorkbookNormaliser normaliser = new WorkbookNormaliser();

	@Test
	void anUnknownIndicatorAnUnknown区县AndATargetThatIsNoNumberAreRefusedAtTheirCells() {
		Path file = Workbooks.write(folder, "年度目标.xlsx",
				ReferenceWorkbooks.targets(List.of(List.of(2023, "990100", "students", 2000),
						List.of(2023, "990102", "no_such_indicator", 5), List.of(2023, "990199", "teachers_new", 4),
						List.of(2023, "990102", "teachers_new", "很多"))),
				Instant.now());
		Rejection rejection = catchThrowableOfType(Rejection.class,
				() -> normaliser.normalise(file, FileFormat.XLSX, Workbooks.FORM,
						Set.of(new DistrictCode("990102"))::contains, Set.of("students", "teachers_new")::contains));
		assertThat(rejection.findings()).extracting(Finding::code, f -> f.cell().toString(), Finding::message)
			.containsExactly(tuple("R03", "年度目标!C3", "指标代码「no_such_indicator」不是指标目录(jobs/indicators.yaml)中的指标"),
					tuple("R04", "年度目标!B4", "行政区划代码「990199」不是本市的区县"), tuple("R05", "年度目标!D5", "目标值「很多」不是数字"));
	}

	@Test
	void goodTargetsOfTheCityAndOfAKnown区县Load() {
		Path file = Workbooks.write(folder, "年度目标.xlsx", ReferenceWorkbooks
			.targets(List.of(List.of(2023, "990100", "students", 2000), List.of(2023, "990102", "teachers_new", "4"))),
				Instant.now());
		ReferenceData data = normaliser
			.normalise(file, FileFormat.XLSX, Workbooks.FORM, Set.of(new DistrictCode("990102"))::contains,
					Set.of("students", "teachers_new")::contains)
			.reference();
		assertThat(data.targets()).extracting(t -> t.district().value(), t -> t.indicator(), t -> t.value().intValue())
			.containsExactly(tuple("990100", "students", 2000), tuple("990102", "teachers_new", 4));
	}

}
