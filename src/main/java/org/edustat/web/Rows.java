package org.edustat.web;

import java.util.Map;

import org.springframework.util.LinkedCaseInsensitiveMap;

/** Database rows as the pages read them. */
final class Rows {

	private Rows() {
	}

	/**
	 * A row's copy whose column names are read in any case: H2 names them in upper case,
	 * PostgreSQL in lower.
	 */
	static Map<String, Object> caseInsensitiveCopy(Map<String, Object> row) {
		Map<String, Object> copy = new LinkedCaseInsensitiveMap<>();
		copy.putAll(row);
		return copy;
	}

}
