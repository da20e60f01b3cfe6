package org.edustat.indicators;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.edustat.testing.Workbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * jobs/indicators.yaml read against the form: every cell it sums is a cell of the form,
 * every condition a known name.
 */
class CatalogueTests {

	@TempDir
	Path folder;

	@Test
	void readsTheCatalogueAgainstTheForm() {
		Catalogue catalogue = Catalogue.load(Path.of("jobs", "indicators.yaml"), Workbooks.FORM);
		assertThat(catalogue.indicators()).hasSize(31);
		assertThat(catalogue.find("spending").orElseThrow().numerator().path()).isEqualTo("办学条件.本期教育经费支出.值");
		assertThat(catalogue.find("students").orElseThrow().numerator().path()).isEqualTo("学生.合计.在校生数");
	}

	@Test
	void refusesASumThatNamesNoCellOfTheForm() throws IOException {
		Path file = write(
				"- { code: minority_students, name: 少数民族学生数, unit: 人, kind: stock, unitKind: count, better: higher, "
						+ "numerator: { sum: 学生.合计.少数民族 } }\n");
		assertThatThrownBy(() -> Catalogue.load(file, Workbooks.FORM))
			.hasMessage("指标文件 indicators.yaml 中的指标 minority_students:sum「学生.合计.少数民族」:工作表「学生」没有列「少数民族」(见 jobs/form.yaml)"
					+ " (indicator minority_students: sum names no cell of the form)");
	}

	@Test
	void refusesAConditionOnANameTheFormDoesNotGive() throws IOException {
		Path file = write("- { code: x, name: 测试, unit: 所, kind: stock, unitKind: count, better: higher, "
				+ "numerator: { count: true, where: \"hasLibrary == 1\" } }\n");
		assertThatThrownBy(() -> Catalogue.load(file, Workbooks.FORM))
			.hasMessageStartingWith("指标文件 indicators.yaml 中的指标 x:条件「hasLibrary == 1」引用了未知的「hasLibrary」,可用 "
					+ "[community, hasHealth, smartCampus, sponsor, type, urbanRural]");
	}

	private Path write(String text) throws IOException {
		Path file = folder.resolve("indicators.yaml");
		Files.writeString(file, text);
		return file;
	}

}
