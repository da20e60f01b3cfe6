package org.edustat.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.edustat.core.FileFormat;
import org.edustat.core.Period;
import org.edustat.core.SchoolType;
import org.edustat.core.Submission;
import org.edustat.demo.DemoSchool;
import org.edustat.demo.Figures;
import org.edustat.demo.ReferenceWorkbooks;
import org.edustat.demo.Roster;
import org.edustat.demo.SubmissionWorkbook;
import org.edustat.form.Form;
import org.edustat.normalise.SubmissionNormaliser;
import org.edustat.normalise.internal.ReadLimits;
import org.edustat.normalise.internal.WorkbookReader;

/**
 * Small real workbooks for tests, built with the demo generator, and a way to read them
 * back.
 */
public final class Workbooks {

	public static final long SEED = 42;

	public static final Period H1_2023 = Period.parse("2023H1");

	/** The project's form, as jobs/form.yaml defines it. */
	public static final Form FORM = Form.load(Path.of("jobs", "form.yaml"));

	private Workbooks() {
	}

	/**
	 * A school of the given type from a fixed roster of 15 (one of each type at least).
	 */
	public static DemoSchool school(SchoolType type) {
		return Roster.schools(15, SEED).stream().filter(s -> s.profile().type() == type).findFirst().orElseThrow();
	}

	public static Figures figures(DemoSchool school, Period period) {
		return Figures.of(school, period, SEED);
	}

	public static SubmissionWorkbook submission(DemoSchool school, Period period) {
		return SubmissionWorkbook.of(school, period, figures(school, period));
	}

	/**
	 * A city in an inbox: the 区县 and 学校名录 workbooks, then each school's workbook of each
	 * period (under period/学校标识码.xlsx), a minute apart from 2024-01-01 on.
	 */
	public static void city(Path inbox, List<DemoSchool> schools, List<Period> periods) {
		Instant t = Instant.parse("2024-01-01T00:00:00Z");
		write(inbox, "ref/区县.xlsx", ReferenceWorkbooks.districts(Roster.DISTRICTS), t);
		write(inbox, "ref/学校名录.xlsx", ReferenceWorkbooks.registry(schools, List.of()), t);
		int minute = 1;
		for (Period period : periods) {
			for (DemoSchool school : schools) {
				write(inbox, period.code() + "/" + school.profile().id() + ".xlsx", submission(school, period).bytes(),
						t.plusSeconds(60L * minute++));
			}
		}
	}

	public static Path write(Path folder, String name, byte[] bytes, Instant modified) {
		try {
			Path file = folder.resolve(name);
			Files.createDirectories(file.getParent());
			Files.write(file, bytes);
			Files.setLastModifiedTime(file, FileTime.from(modified));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Reads a workbook the way the import job does, minus the database: every district is
	 * known.
	 */
	public static Submission normalise(Path folder, byte[] bytes, FileFormat format) {
		Path file = write(folder, "submission" + (format == FileFormat.XLS ? ".xls" : ".xlsx"), bytes, Instant.now());
		return normalise(file, format, FORM);
	}

	/** Reads a workbook file with the given form: every district is known. */
	public static Submission normalise(Path file, FileFormat format, Form form) {
		return new SubmissionNormaliser(form, code -> true).normalise(new WorkbookReader().read(file, format,
				name -> SubmissionNormaliser.wanted(form, name), ReadLimits.SUBMISSION));
	}

}
