package org.edustat.load;

import java.util.List;

import org.edustat.core.Period;
import org.edustat.ledger.FindingStore;
import org.edustat.validate.RuleBook;

/**
 * Applies the rules about a period as a whole (scope period, Y03) once every file of a
 * run is taken: for each period with data, the schools that sent the previous period and
 * not this one, stored as that rule's findings.
 */
public class UnreportedSchools {

	private final SubmissionStore submissions;

	private final Coverage coverage;

	private final FindingStore findings;

	public UnreportedSchools(SubmissionStore submissions, Coverage coverage, FindingStore findings) {
		this.submissions = submissions;
		this.coverage = coverage;
		this.findings = findings;
	}

	/**
	 * Stores each period rule's findings anew for every period with data; returns how
	 * many schools they name.
	 */
	public int record(RuleBook book) {
		int named = 0;
		for (RuleBook.RuleSpecSummary rule : book.periodRules()) {
			for (Period period : coverage.periods()) {
				List<FindingStore.Unreported> schools = submissions.missing(period)
					.stream()
					.map(m -> new FindingStore.Unreported(m.schoolId(), m.schoolName(), m.districtCode()))
					.toList();
				findings.replacePeriodFindings(period.code(), rule.code(), rule.severity(), rule.message(), schools);
				named += schools.size();
			}
		}
		return named;
	}

}
