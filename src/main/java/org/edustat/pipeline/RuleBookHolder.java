package org.edustat.pipeline;

import java.nio.file.Path;
import java.util.List;

import org.edustat.core.Finding;
import org.edustat.core.Submission;
import org.edustat.intake.SubmissionChecks;
import org.edustat.validate.History;
import org.edustat.validate.Registry;
import org.edustat.validate.RuleBook;
import org.edustat.validate.RuleEngine;

/**
 * The rules in force: read from jobs/rules at the start of every run, so that a statistician's edit applies to the
 * next run without a restart, and a broken file stops that run before it takes any file.
 */
public class RuleBookHolder implements SubmissionChecks {

	private final Path folder;

	private final History history;

	private final Registry registry;

	private volatile RuleBook book;

	private volatile RuleEngine engine;

	RuleBookHolder(Path folder, History history, Registry registry) {
		this.folder = folder;
		this.history = history;
		this.registry = registry;
	}

	/** Reads the rules folder again; throws {@link org.edustat.validate.RuleFileException} naming what is wrong. */
	public RuleBook reload() {
		RuleBook loaded = RuleBook.load(folder);
		engine = new RuleEngine(loaded, history, registry);
		book = loaded;
		return loaded;
	}

	public RuleBook book() {
		if (book == null) {
			reload();
		}
		return book;
	}

	@Override
	public List<Finding> check(Submission submission) {
		if (engine == null) {
			reload();
		}
		return engine.check(submission);
	}
}
