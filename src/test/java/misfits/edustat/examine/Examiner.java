package misfits.edustat.examine;

import misfits.edustat.load.Loader;

/**
 * Uses a later feature (breaks "features follow the data") and closes a loop with
 * {@link Loader}.
 */
public class Examiner {

	public Loader loader() {
		return new Loader();
	}

}
