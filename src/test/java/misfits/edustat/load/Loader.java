package misfits.edustat.load;

import misfits.edustat.examine.Examiner;

/** With {@link Examiner}, breaks "no cycles between modules". */
public class Loader {

	public Examiner examiner() {
		return new Examiner();
	}

}
