package org.edustat.ledger;

import java.util.List;
import java.util.Map;

import org.edustat.core.Finding;
import org.edustat.core.Submission;
import org.springframework.jdbc.core.JdbcTemplate;

/** The findings of each file: intake rejections and audit-rule errors and warnings. */
public class FindingStore {

	private final JdbcTemplate template;

	public FindingStore(JdbcTemplate template) {
		this.template = template;
	}

	/** Stores a file's findings; a warning the school explained (说明) in the workbook carries its explanation. */
	public void insert(long fileId, String schoolId, String period, List<Finding> findings, Map<String, String> explanations) {
		if (findings.isEmpty()) {
			return;
		}
		template.batchUpdate("insert into finding (file_id, school_id, period, code, severity, sheet, cell, message, reason, vals, explanation) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", findings.stream().map(f -> new Object[] { fileId, schoolId, period,
						f.code(), f.severity().label(), f.cell().sheet(), f.cell().toString(), f.message(), f.reason(),
						f.values(), f.isError() ? null : explanations.get(Submission.explanationKey(f.code(), f.cell().toString())) })
					.toList());
	}
}
