package misfits.edustat.reports;

import misfits.edustat.normalise.internal.PoiReader;

/** Breaks "internals stay inside their module". */
public class UsesAnotherModulesInternals {

	public String read() {
		return new PoiReader().read();
	}

}
