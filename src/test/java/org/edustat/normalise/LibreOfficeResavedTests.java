package org.edustat.normalise;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.edustat.core.FileFormat;
import org.edustat.core.SchoolType;
import org.edustat.core.Submission;
import org.edustat.demo.Mess;
import org.edustat.testing.HandWorkbook;
import org.edustat.testing.HeaderSpellings;
import org.edustat.testing.Workbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Workbooks as a city sends them after opening and saving them in another program:
 * written here, re-saved by LibreOffice (headless) as .xls and .xlsx, then read. Needs
 * soffice on the PATH, which .ci/run installs and checks.
 */
class LibreOfficeResavedTests {

	@TempDir
	Path folder;

	@Test
	void readsAWorkbookReSavedByLibreOfficeAsXls() throws Exception {
		Path original = Workbooks.write(folder, "原表.xlsx",
				new HandWorkbook("3901029003", "测试小学", "2023H1")
					.spelling(HeaderSpellings.UNIT_IN_FULL_WIDTH_BRACKETS.spelling)
					.bytes(FileFormat.XLSX),
				Instant.now());
		Path resaved = convert(original, "xls");
		Submission submission = Workbooks.normalise(resaved, FileFormat.XLS, Workbooks.FORM);
		HeaderVariantsTests.assertEveryFigure(submission);
	}

	@Test
	void readsAMergedHeaderWorkbookReSavedByLibreOfficeAsXlsx() throws Exception {
		var school = Workbooks.school(SchoolType.NINE_YEAR);
		Path original = Workbooks.write(folder, "原表.xls",
				Workbooks.submission(school, Workbooks.H1_2023)
					.mess(Mess.MERGED_HEADER, Mess.FORMULAS)
					.format(FileFormat.XLS)
					.bytes(),
				Instant.now());
		Path resaved = convert(original, "xlsx");
		Submission submission = Workbooks.normalise(resaved, FileFormat.XLSX, Workbooks.FORM);
		var figures = Workbooks.figures(school, Workbooks.H1_2023);
		assertThat(submission.sheet("学生").orElseThrow().value("合计", "其中:随迁子女"))
			.isEqualByComparingTo(Long.toString(figures.studentTotal()[3]));
		assertThat(submission.sheet("教职工").orElseThrow().value("专任教师", "正高级职称"))
			.isEqualByComparingTo(Long.toString(figures.staff.get("专任教师")[4]));
	}

	private Path convert(Path file, String extension) throws IOException, InterruptedException {
		assumeTrue(onPath("soffice"), "LibreOffice (soffice) is not installed");
		Path out = Files.createDirectories(folder.resolve("out-" + extension));
		Process process = new ProcessBuilder("soffice", "--headless", "--norestore",
				"-env:UserInstallation=file://" + folder.resolve("lo-profile"), "--convert-to", extension, "--outdir",
				out.toString(), file.toString())
			.redirectErrorStream(true)
			.redirectOutput(folder.resolve("soffice.log").toFile())
			.start();
		assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("LibreOffice finished").isTrue();
		String name = file.getFileName().toString();
		Path converted = out.resolve(name.substring(0, name.lastIndexOf('.')) + "." + extension);
		assertThat(converted).as(Files.readString(folder.resolve("soffice.log"))).exists();
		return converted;
	}

	private static boolean onPath(String command) {
		String path = System.getenv("PATH");
		return path != null && Arrays.stream(path.split(File.pathSeparator))
			.anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
	}

}
