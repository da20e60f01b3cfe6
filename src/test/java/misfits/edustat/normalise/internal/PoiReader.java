package misfits.edustat.normalise.internal;

/** A reader a module keeps to itself. */
public class PoiReader {

	public String read() {
		return "";
	}

}
