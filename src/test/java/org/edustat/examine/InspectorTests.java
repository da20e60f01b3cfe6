package org.edustat.examine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.edustat.core.DistrictCode;
import org.edustat.core.Identity;
import org.edustat.core.RegistryEntry;
import org.edustat.core.SchoolId;
import org.edustat.core.SchoolProfile;
import org.edustat.core.SchoolType;
import org.edustat.intake.FileGuard;
import org.edustat.intake.InboxFile;
import org.edustat.normalise.WorkbookNormaliser;
import org.edustat.testing.Workbooks;
import org.edustat.validate.History;
import org.edustat.validate.Registry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * One inspection of a workbook for the job, the dry run and the upload: the real form and
 * rules, no database.
 */
class InspectorTests {

	@TempDir
	Path folder;

	final JobFiles jobFiles = new JobFiles(Path.of("jobs"), History.NONE, Registry.NONE);

	final Inspector inspector = new Inspector(new FileGuard(20_000_000), new WorkbookNormaliser(), jobFiles,
			() -> Set.of(Workbooks.school(SchoolType.PRIMARY).profile().district()));

	@Test
	void aCleanWorkbookGivesItsSubmissionAndWhoseItIs() {
		var school = Workbooks.school(SchoolType.PRIMARY);
		Path file = Workbooks.write(folder, "一小.xlsx", Workbooks.submission(school, Workbooks.H1_2023).bytes(),
				Instant.now());
		Inspection inspection = inspector.inspectNow(file);
		assertThat(inspection.hasErrors()).isFalse();
		assertThat(inspection.submission().school().id()).isEqualTo(school.profile().id());
		assertThat(inspection.identity().period()).isEqualTo("2023H1");
		assertThat(inspection.form().sheet("学生")).isNotNull();
	}

	@Test
	void asksTheRegistryOnceAFileForTheRulesAndTheSchoolsDistrictAlike() {
		var school = Workbooks.school(SchoolType.PRIMARY);
		SchoolProfile own = school.profile();
		DistrictCode registered = new DistrictCode("990199");
		List<SchoolId> asked = new ArrayList<>();
		Registry registry = id -> {
			asked.add(id);
			return Optional.of(new RegistryEntry(
					new SchoolProfile(id, own.name() + "(名录)", registered, own.type(), own.sponsor(), own.urbanRural()),
					"在办"));
		};
		JobFiles files = new JobFiles(Path.of("jobs"), History.NONE, registry);
		Inspector checked = new Inspector(new FileGuard(20_000_000), new WorkbookNormaliser(), files,
				() -> Set.of(own.district(), registered));
		Path file = Workbooks.write(folder, "一小.xlsx", Workbooks.submission(school, Workbooks.H1_2023).bytes(),
				Instant.now());

		for (SubmissionChecks checks : List.of(files, files.fresh())) {
			asked.clear();
			Inspection inspection = checked.inspect(file, code -> true, checks);
			assertThat(asked).as("registry look-ups").containsExactly(own.id());
			assertThat(inspection.findings()).extracting(f -> f.code(), f -> f.message())
				.contains(tuple("X04", "学校名称「" + own.name() + "」与学校名录「" + own.name() + "(名录)」不一致"));
			assertThat(inspection.submission().school().district()).isEqualTo(registered);
		}
	}

	@Test
	void aFileThatIsNoWorkbookIsRefusedForTheWholeFileWithItsReason() {
		Path file = Workbooks.write(folder, "工作总结.xlsx", "%PDF-1.4 工作总结".getBytes(StandardCharsets.UTF_8),
				Instant.now());
		Inspection inspection = inspector.inspectNow(file);
		assertThat(inspection.findings()).extracting(f -> f.code(), f -> f.cell().toString(), f -> f.message())
			.containsExactly(tuple("F01", "", "不是Excel工作簿(.xlsx/.xls),文件内容为PDF"));
		assertThat(inspection.submission()).isNull();
	}

	@Test
	void anExaminedFileIsArchivedUnderItsPeriodAndDistrictAndReferencesApart() {
		var school = Workbooks.school(SchoolType.PRIMARY);
		Path file = Workbooks.write(folder, "一小.xlsx", Workbooks.submission(school, Workbooks.H1_2023).bytes(),
				Instant.now());
		InboxFile inbox = new InboxFile(file, "一小.xlsx", 1, Instant.now());
		Inspection inspection = inspector.inspect(file, code -> true, jobFiles);
		Examined examined = new Examined(inbox, inbox.sha256(), Examined.Outcome.SUBMISSION, inspection.submission(),
				null, inspection.findings(), null, inspection.identity(), null);
		assertThat(examined.archivePeriod()).isEqualTo("2023H1");
		assertThat(examined.archiveDistrict()).isEqualTo(school.profile().district().value());
		assertThat(examined.wantsFeedback()).isTrue();
		assertThat(new Examined(inbox, "x", Examined.Outcome.REFERENCE, null, null, List.of(), null, Identity.UNKNOWN,
				null)
			.archivePeriod()).isEqualTo(Examined.REFERENCE_FOLDER);
	}

}
