package org.edustat.normalise;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.edustat.core.FileFormat;
import org.edustat.core.SchoolType;
import org.edustat.core.Submission;
import org.edustat.demo.Mess;
import org.edustat.testing.Workbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A workbook whose 合计 row is formulas saved without their results — as a script writes it
 * (openpyxl writes {@code <v/>}), not Excel, WPS or LibreOffice: read as zeros it was
 * refused for a 合计 of 0; its formulas are computed and its figures load.
 */
class UncomputedFormulasTests {

	private static final Pattern SAVED_RESULT = Pattern.compile("(<f[^>]*>[^<]*</f>)<v>[^<]*</v>");

	@TempDir
	Path folder;

	@Test
	void formulasSavedWithoutResultsAreComputed() throws IOException {
		var school = Workbooks.school(SchoolType.NINE_YEAR);
		byte[] withResults = Workbooks.submission(school, Workbooks.H1_2023).mess(Mess.FORMULAS).bytes();
		int[] stripped = new int[1];
		byte[] withoutResults = rewriteSheets(withResults, xml -> {
			Matcher m = SAVED_RESULT.matcher(xml);
			StringBuilder out = new StringBuilder();
			while (m.find()) {
				stripped[0]++;
				// no result at all, or an empty one as openpyxl writes it
				m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + (stripped[0] % 2 == 0 ? "<v/>" : "")));
			}
			return m.appendTail(out).toString();
		});
		assertThat(stripped[0]).as("formulas whose saved result was removed").isGreaterThan(10);

		Submission submission = Workbooks.normalise(folder, withoutResults, FileFormat.XLSX);

		var figures = Workbooks.figures(school, Workbooks.H1_2023);
		long[] total = figures.studentTotal();
		assertThat(submission.sheet("学生").orElseThrow().value("合计", "在校生数"))
			.isEqualByComparingTo(Long.toString(total[1]));
		assertThat(submission.sheet("学生").orElseThrow().value("合计", "其中:随迁子女"))
			.isEqualByComparingTo(Long.toString(total[3]));
	}

	private interface Rewrite {

		String apply(String xml);

	}

	private static byte[] rewriteSheets(byte[] xlsx, Rewrite rewrite) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
				ZipOutputStream zip = new ZipOutputStream(out)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				byte[] bytes = in.readAllBytes();
				if (entry.getName().startsWith("xl/worksheets/sheet")) {
					bytes = rewrite.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
				}
				zip.putNextEntry(new ZipEntry(entry.getName()));
				zip.write(bytes);
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

}
