package org.edustat.intake;

import java.util.List;

import org.edustat.core.Finding;
import org.edustat.core.Submission;

/** The audit rules applied to a normalised submission before it is loaded; errors among the findings block it. */
@FunctionalInterface
public interface SubmissionChecks {

	SubmissionChecks NONE = submission -> List.of();

	List<Finding> check(Submission submission);
}
