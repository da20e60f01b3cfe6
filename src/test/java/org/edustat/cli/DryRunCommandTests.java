package org.edustat.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;

import org.edustat.core.SchoolType;
import org.edustat.demo.DemoSchool;
import org.edustat.demo.Figures;
import org.edustat.demo.Grade;
import org.edustat.demo.SubmissionWorkbook;
import org.edustat.examine.Inspector;
import org.edustat.examine.JobFiles;
import org.edustat.intake.FileGuard;
import org.edustat.normalise.WorkbookNormaliser;
import org.edustat.reports.FeedbackWorkbooks;
import org.edustat.reports.ReportsProperties;
import org.edustat.testing.Workbooks;
import org.edustat.validate.History;
import org.edustat.validate.Registry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dry run as a person reads it in the console: the verdict, each finding with its
 * cell, and the 回执's place.
 */
class DryRunCommandTests {

	@TempDir
	Path folder;

	@Test
	void printsTheVerdictEveryFindingAndTheFeedbackWorkbookAndExitsWithOneOnErrors() {
		DemoSchool school = Workbooks.school(SchoolType.NINE_YEAR);
		Figures figures = Workbooks.figures(school, Workbooks.H1_2023);
		long[] first = figures.students.get(Grade.G1);
		first[2] = first[1] + 1;
		Path file = Workbooks.write(folder, "九年一贯制.xlsx",
				SubmissionWorkbook.of(school, Workbooks.H1_2023, figures).bytes(), Instant.now());
		Path output = folder.resolve("output");
		Inspector inspector = new Inspector(new FileGuard(20_000_000), new WorkbookNormaliser(),
				new JobFiles(Path.of("jobs"), History.NONE, Registry.NONE), () -> Set.of(school.profile().district()));
		DryRunCommand command = new DryRunCommand(inspector, new FeedbackWorkbooks(output),
				new ReportsProperties(output));

		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int code = command.run(file, new PrintStream(bytes, true, StandardCharsets.UTF_8));

		assertThat(code).isEqualTo(1);
		assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).contains(
				school.profile().name() + " (" + school.profile().id() + ") 2023年上半年 — 有错误,不能入库",
				"  错误 | 学生!D2 | S02 | 「一年级」行其中女生" + first[2] + "人,多于在校生" + first[1] + "人", "回执 (feedback workbook): "
						+ output.toAbsolutePath().resolve(DryRunCommand.FOLDER).resolve("九年一贯制_回执.xlsx"));
	}

}
