package misfits.edustat.intake;

import misfits.edustat.reports.UsesAnotherModulesInternals;

/** Breaks "features follow the data": the inbox reaches forward to the reports. */
public class KnowsTheReports {

	public UsesAnotherModulesInternals reports() {
		return new UsesAnotherModulesInternals();
	}

}
