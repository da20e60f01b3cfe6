package org.edustat.examine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.edustat.core.DistrictCode;
import org.edustat.core.FileFormat;
import org.edustat.core.Finding;
import org.edustat.core.Identity;
import org.edustat.core.RegistryEntry;
import org.edustat.core.Rejection;
import org.edustat.core.Submission;
import org.edustat.intake.FileGuard;
import org.edustat.intake.Inbox;
import org.edustat.intake.InboxFile;
import org.edustat.normalise.WorkbookNormaliser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inspects one workbook — file type by content, read, normalise, check — for the import,
 * the dry run and the upload alike; only the form and rules it applies differ.
 */
public class Inspector {

	private static final Logger log = LoggerFactory.getLogger(Inspector.class);

	private final FileGuard guard;

	private final WorkbookNormaliser normaliser;

	private final JobFiles jobFiles;

	private final Supplier<Set<DistrictCode>> knownDistricts;

	public Inspector(FileGuard guard, WorkbookNormaliser normaliser, JobFiles jobFiles,
			Supplier<Set<DistrictCode>> knownDistricts) {
		this.guard = guard;
		this.normaliser = normaliser;
		this.jobFiles = jobFiles;
		this.knownDistricts = knownDistricts;
	}

	/**
	 * Inspects a workbook with the statisticians' files as they are now on disk and the
	 * 区县 known now, leaving those of a running import alone: what a dry run and an upload
	 * show.
	 */
	public Inspection inspectNow(Path path) {
		JobFiles.InForce files = jobFiles.fresh();
		Set<DistrictCode> districts = knownDistricts.get();
		return inspect(path, districts::contains, files);
	}

	/**
	 * Whether a file is a reference workbook (区县, 学校名录, 年度目标), told by its sheets;
	 * unreadable files are not.
	 */
	public boolean isReference(InboxFile file) {
		if (Inbox.ignoredBecause(file.fileName()).isPresent()) {
			return false;
		}
		try {
			return normaliser.isReference(file.path(), guard.check(file.path()), jobFiles.form());
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	/**
	 * Where a reference workbook stands in the order of application (区县, 学校名录, 年度目标);
	 * unreadable ones last.
	 */
	public int referenceRank(InboxFile file) {
		try {
			return normaliser.referenceRank(file.path(), guard.check(file.path()), jobFiles.form());
		}
		catch (IOException | RuntimeException ex) {
			return Integer.MAX_VALUE;
		}
	}

	/**
	 * An identity read from a refused workbook, its 区县 the registry's where the registry
	 * lists the school.
	 */
	private Identity registered(Identity identity) {
		if (identity == null || identity.schoolId() == null) {
			return identity;
		}
		return jobFiles.registeredDistrict(identity.schoolId())
			.map(d -> new Identity(identity.schoolId(), identity.schoolName(), identity.period(), d.value()))
			.orElse(identity);
	}

	/** Reads, normalises and checks one workbook with the given form and rules. */
	public Inspection inspect(Path path, Predicate<DistrictCode> knownDistrict, SubmissionChecks checks) {
		return inspect(path, path.getFileName().toString(), knownDistrict, checks);
	}

	/**
	 * The same, of bytes kept under another name than the file's own (its private copy):
	 * the log names the file.
	 */
	public Inspection inspect(Path path, String name, Predicate<DistrictCode> knownDistrict, SubmissionChecks checks) {
		FileFormat format = null;
		try {
			format = guard.check(path);
			WorkbookNormaliser.Normalised read = normaliser.normalise(path, format, checks.form(), knownDistrict,
					checks::knowsIndicator);
			if (read.reference() != null) {
				return new Inspection(format, null, read.reference(), read.reference().refused(), Identity.UNKNOWN,
						checks.form());
			}
			Submission submission = Objects.requireNonNull(read.submission());
			Optional<RegistryEntry> entry = jobFiles.registryEntry(submission.school().id());
			List<Finding> findings = checks.check(submission, entry);
			Optional<DistrictCode> registered = entry.map(e -> e.school().district());
			if (registered.isPresent() && !registered.get().equals(submission.school().district())) {
				// the 学校名录 decides a school's 区县 (the workbook's other code is an X04
				// warning): its data, its 回执 and
				// who may see them follow the registry, never a code typed into 基本情况
				submission = submission.inDistrict(registered.get());
			}
			return new Inspection(format, submission, null, findings, submission.identity(), checks.form());
		}
		catch (Rejection rejection) {
			return new Inspection(format, null, null, rejection.findings(), registered(rejection.identity()),
					checks.form());
		}
		catch (IOException ex) {
			Finding finding = FileGuard.reject("F02", "文件无法读取:" + ex.getMessage(), "unreadable file: " + ex)
				.findings()
				.get(0);
			return new Inspection(format, null, null, List.of(finding), Identity.UNKNOWN, checks.form());
		}
		catch (RuntimeException ex) {
			return new Inspection(format, null, null, List.of(unforeseen("reading", name, ex)), Identity.UNKNOWN,
					checks.form());
		}
	}

	/**
	 * The F08 finding of a file whose reading or examining failed for a cause nobody
	 * foresaw; the cause goes to the log.
	 */
	static Finding unforeseen(String what, String file, RuntimeException cause) {
		log.error("文件无法处理,已退回 ({} failed, file refused as F08): {} — {}: {}", what, file, cause.getClass().getName(),
				String.valueOf(cause.getMessage()).lines().findFirst().orElse(""));
		return FileGuard
			.reject("F08", "文件无法处理(系统读取时出错),原件已保存,请联系教育局统计人员", what + " failed: " + cause.getClass().getSimpleName())
			.findings()
			.get(0);
	}

}
