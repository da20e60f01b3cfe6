package org.edustat.pipeline;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The business tables of one H2 file database, keyed by what does not depend on insertion
 * order.
 */
record DatabaseSnapshot(List<List<String>> submissions, List<List<String>> values, List<List<String>> ledger,
		List<List<String>> findings, List<List<String>> reports) {

	static DatabaseSnapshot of(Path root) throws SQLException {
		try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + root.resolve("db/edustat"), "sa", "")) {
			Map<String, String> paths = new HashMap<>();
			for (List<String> row : rows(c, "select id, received_path from inbox_file")) {
				paths.put(row.get(0), row.get(1));
			}
			List<List<String>> submissions = rows(c,
					"select s.school_id, s.period, f.received_path, s.district_code from submission s "
							+ "join inbox_file f on f.id = s.file_id order by s.school_id, s.period");
			List<List<String>> values = rows(c, "select school_id, period, sheet, row_key, column_key, val, cell "
					+ "from submission_value order by school_id, period, sheet, row_key, column_key");
			List<List<String>> ledger = new ArrayList<>();
			for (List<String> row : rows(c,
					"select received_path, status, school_id, period, superseded_by, inbox_cleared, sha256 "
							+ "from inbox_file order by received_path")) {
				List<String> mapped = new ArrayList<>(row);
				mapped.set(4, row.get(4) == null ? null : paths.get(row.get(4)));
				ledger.add(mapped);
			}
			List<List<String>> findings = rows(c, "select f.received_path, d.code, d.cell, d.message from finding d "
					+ "join inbox_file f on f.id = d.file_id order by f.received_path, d.code, d.cell");
			List<List<String>> reports = rows(c, "select period, area_code, indicator_code, grp, val from report_value "
					+ "order by period, area_code, indicator_code, grp");
			return new DatabaseSnapshot(submissions, values, ledger, findings, reports);
		}
	}

	private static List<List<String>> rows(Connection c, String sql) throws SQLException {
		List<List<String>> rows = new ArrayList<>();
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			int n = rs.getMetaData().getColumnCount();
			while (rs.next()) {
				List<String> row = new ArrayList<>();
				for (int i = 1; i <= n; i++) {
					row.add(rs.getString(i));
				}
				rows.add(row);
			}
		}
		return rows;
	}
}
