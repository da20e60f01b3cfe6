package org.edustat.ledger;

import org.jspecify.annotations.Nullable;

/**
 * Fits a text into its column before the insert, so that no value a school or a file
 * system sends — a 32,762-character 学校名称, a path of over 1,000 characters — can make a
 * ledger entry or a finding fail to be recorded (and a run with it). The widths are the
 * columns' in the migrations.
 */
final class Columns {

	static final int PATH = 1000;

	static final int FILE_NAME = 500;

	static final int SCHOOL_ID = 10;

	static final int SCHOOL_NAME = 200;

	static final int PERIOD = 6;

	static final int DISTRICT = 6;

	static final int KIND = 20;

	static final int REASON = 4000;

	static final int CODE = 10;

	static final int SHEET = 100;

	static final int CELL = 120;

	static final int MESSAGE = 2000;

	static final int VALUES = 1000;

	private Columns() {
	}

	/** The text, or its beginning and an ellipsis where it is longer than the column. */
	static @Nullable String fit(@Nullable String text, int width) {
		return text == null || text.length() <= width ? text : text.substring(0, width - 1) + "…";
	}

	/**
	 * A path: its beginning and its end (the file's own name) around an ellipsis where it
	 * is longer than the column.
	 */
	static @Nullable String fitPath(@Nullable String path, int width) {
		if (path == null || path.length() <= width) {
			return path;
		}
		int tail = width / 2;
		return path.substring(0, width - tail - 1) + "…" + path.substring(path.length() - tail);
	}

}
