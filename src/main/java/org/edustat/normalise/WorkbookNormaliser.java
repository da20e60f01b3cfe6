package org.edustat.normalise;

import java.nio.file.Path;
import java.util.function.Predicate;

import org.edustat.core.DistrictCode;
import org.edustat.core.FileFormat;
import org.edustat.core.ReferenceData;
import org.edustat.core.Rejection;
import org.edustat.core.Submission;
import org.edustat.form.Form;
import org.edustat.normalise.internal.RawWorkbook;
import org.edustat.normalise.internal.ReadLimits;
import org.edustat.normalise.internal.WorkbookReader;
import org.jspecify.annotations.Nullable;

/**
 * Reads one workbook by the form: a school's submission, or the reference data (区县, 学校名录,
 * 年度目标), or the {@link Rejection} that says why neither. How the workbook is read (StAX
 * over the package for .xlsx, POI for .xls) stays behind this class.
 */
public final class WorkbookNormaliser {

	private final WorkbookReader reader = new WorkbookReader();

	/** What a workbook held: exactly one of the two is set. */
	public record Normalised(@Nullable Submission submission, @Nullable ReferenceData reference) {
	}

	/** Caps what one zip entry may unpack to, for every workbook this process reads. */
	public static void applySafetyLimits(long maxUnpackedEntryBytes) {
		WorkbookReader.applySafetyLimits(maxUnpackedEntryBytes);
	}

	/** Whether the workbook is a reference workbook, told by its sheets alone. */
	public boolean isReference(Path path, FileFormat format, Form form) {
		return new ReferenceNormaliser(form).isReference(reader.sheetNames(path, format));
	}

	/**
	 * Where a reference workbook stands in the order of application (区县, 学校名录, 年度目标),
	 * told by its sheets.
	 */
	public int referenceRank(Path path, FileFormat format, Form form) {
		return new ReferenceNormaliser(form).rank(reader.sheetNames(path, format));
	}

	/**
	 * Reads and normalises the workbook.
	 * @param knownIndicator whether an annual target's 指标代码 names an indicator of the
	 * catalogue
	 * @throws Rejection naming sheet, cell and reason when it cannot be taken
	 */
	public Normalised normalise(Path path, FileFormat format, Form form, Predicate<DistrictCode> knownDistrict,
			Predicate<String> knownIndicator) {
		RawWorkbook workbook = reader.read(path, format, name -> SubmissionNormaliser.wanted(form, name),
				ReadLimits.SUBMISSION);
		ReferenceNormaliser references = new ReferenceNormaliser(form, knownIndicator, knownDistrict);
		if (references.isReference(workbook.sheetNames())) {
			RawWorkbook full = reader.read(path, format, references::wanted, ReadLimits.REFERENCE);
			return new Normalised(null, references.normalise(full));
		}
		return new Normalised(new SubmissionNormaliser(form, knownDistrict).normalise(workbook), null);
	}

}
