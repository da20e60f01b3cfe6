package org.edustat.examine;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.edustat.core.DistrictCode;
import org.edustat.core.Finding;
import org.edustat.core.RegistryEntry;
import org.edustat.core.SchoolId;
import org.edustat.core.Submission;
import org.edustat.form.Form;
import org.edustat.form.FormException;
import org.edustat.indicators.Catalogue;
import org.edustat.validate.History;
import org.edustat.validate.Registry;
import org.edustat.validate.RuleBook;
import org.edustat.validate.RuleEngine;
import org.edustat.validate.RuleFileException;
import org.jspecify.annotations.Nullable;

/**
 * The statisticians' files in force: the form (jobs/form.yaml), the audit rules
 * (jobs/rules) and the indicators (jobs/indicators.yaml). A run reads them once when it
 * starts ({@link #reload}) and keeps them until it ends, so a statistician's edit applies
 * to the next run, and a broken file stops that run before it takes any file. A dry run
 * or an upload check reads its own copy ({@link #fresh}) and leaves the run's alone.
 */
public class JobFiles implements SubmissionChecks {

	private final Path folder;

	private final History history;

	private final Registry registry;

	private @Nullable volatile InForce current;

	public JobFiles(Path folder, History history, Registry registry) {
		this.folder = folder;
		this.history = history;
		this.registry = registry;
	}

	/**
	 * The files as read at one moment, checked against each other; {@link #check} applies
	 * every rule.
	 */
	public record InForce(Form form, RuleBook book, Catalogue catalogue,
			RuleEngine engine) implements SubmissionChecks {

		@Override
		public List<Finding> check(Submission submission) {
			return engine.check(submission);
		}

		@Override
		public List<Finding> check(Submission submission, Optional<RegistryEntry> registered) {
			return engine.check(submission, registered);
		}

		@Override
		public boolean knowsIndicator(String code) {
			return catalogue.find(code).isPresent();
		}
	}

	/**
	 * Reads the files again and puts them in force; throws {@link JobFilesException}
	 * naming what is wrong.
	 */
	public InForce reload() {
		InForce loaded = fresh();
		current = loaded;
		return loaded;
	}

	/** Reads the files into a copy of one's own, without changing those in force. */
	public InForce fresh() {
		try {
			Form form = Form.load(folder.resolve("form.yaml"));
			RuleBook book = RuleBook.load(folder.resolve("rules"), form);
			Catalogue catalogue = Catalogue.load(folder.resolve("indicators.yaml"), form);
			return new InForce(form, book, catalogue, new RuleEngine(book, history, registry));
		}
		catch (FormException | RuleFileException | IllegalStateException ex) {
			throw new JobFilesException(ex.getMessage(), ex);
		}
	}

	/** The 区县 the registry (学校名录) files a school under, if it lists the school. */
	public Optional<DistrictCode> registeredDistrict(String schoolId) {
		if (schoolId == null || !schoolId.matches("\\d{10}")) {
			return Optional.empty();
		}
		return registryEntry(new SchoolId(schoolId)).map(entry -> entry.school().district());
	}

	/** The school's entry in the registry (学校名录), if it lists the school. */
	public Optional<RegistryEntry> registryEntry(SchoolId school) {
		return registry.find(school);
	}

	/** The files in force, read now if no run has read them yet. */
	public InForce inForce() {
		InForce files = current;
		return files != null ? files : reload();
	}

	public RuleBook book() {
		return inForce().book();
	}

	@Override
	public Form form() {
		return inForce().form();
	}

	public Catalogue catalogue() {
		return inForce().catalogue();
	}

	/**
	 * The rules a run applies while examining a file ahead of the commits: all but the
	 * history rules, which {@link #againstHistory} applies in order as each file is
	 * recorded.
	 */
	@Override
	public List<Finding> check(Submission submission) {
		return inForce().engine().withinTheWorkbook(submission);
	}

	@Override
	public List<Finding> check(Submission submission, Optional<RegistryEntry> registered) {
		return inForce().engine().withinTheWorkbook(submission, registered);
	}

	@Override
	public boolean knowsIndicator(String code) {
		return inForce().knowsIndicator(code);
	}

	/** The history rules in force, against the given earlier periods. */
	public List<Finding> againstHistory(Submission submission, History earlier) {
		return inForce().engine().againstHistory(submission, earlier);
	}

}
