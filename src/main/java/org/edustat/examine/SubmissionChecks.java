package org.edustat.examine;

import java.util.List;
import java.util.Optional;

import org.edustat.core.Finding;
import org.edustat.core.RegistryEntry;
import org.edustat.core.Submission;
import org.edustat.form.Form;

/**
 * The form a workbook is read by and the audit rules applied to it before it is loaded;
 * errors block it.
 */
public interface SubmissionChecks {

	/** The form in force. */
	Form form();

	List<Finding> check(Submission submission);

	/**
	 * The same, the school's entry in the registry (学校名录) looked up already by the
	 * caller, who needs it too.
	 */
	default List<Finding> check(Submission submission, Optional<RegistryEntry> registered) {
		return check(submission);
	}

	/**
	 * Whether an annual target's 指标代码 names an indicator in force; without a catalogue
	 * every code does.
	 */
	default boolean knowsIndicator(String code) {
		return true;
	}

	/** The form alone, with no rules. */
	static SubmissionChecks formOnly(Form form) {
		return new SubmissionChecks() {

			@Override
			public Form form() {
				return form;
			}

			@Override
			public List<Finding> check(Submission submission) {
				return List.of();
			}
		};
	}

}
