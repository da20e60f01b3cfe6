package org.edustat.ledger;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.edustat.core.CellRef;
import org.edustat.core.Finding;
import org.edustat.core.Severity;
import org.edustat.core.Submission;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/** The findings of each file: intake rejections and audit-rule errors and warnings. */
public class FindingStore {

	private final JdbcTemplate template;

	public FindingStore(JdbcTemplate template) {
		this.template = template;
	}

	/**
	 * Stores a file's findings; a warning the school explained (说明) in the workbook
	 * carries its explanation.
	 */
	public void insert(long fileId, @Nullable String schoolId, @Nullable String period, List<Finding> findings,
			Map<String, String> explanations) {
		if (findings.isEmpty()) {
			return;
		}
		template.batchUpdate(
				"insert into finding (file_id, school_id, period, code, severity, sheet, cell, message, reason, vals, explanation) "
						+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				findings.stream()
					.map(f -> new Object[] { fileId, Columns.fit(schoolId, Columns.SCHOOL_ID),
							Columns.fit(period, Columns.PERIOD), Columns.fit(f.code(), Columns.CODE),
							f.severity().label(), Columns.fit(f.cell().sheet(), Columns.SHEET),
							Columns.fit(f.cell().toString(), Columns.CELL), Columns.fit(f.message(), Columns.MESSAGE),
							Columns.fit(f.reason(), Columns.MESSAGE), Columns.fit(f.values(), Columns.VALUES),
							f.isError() ? null
									: Columns.fit(
											explanations.get(Submission.explanationKey(f.code(), f.cell().toString())),
											Columns.MESSAGE) })
					.toList());
	}

	/** A file's findings as stored, in the order they were found. */
	public List<Finding> of(long fileId) {
		return template.query(
				"select code, severity, cell, message, reason, vals from finding where file_id = ? order by id",
				(rs, n) -> new Finding(rs.getString(1),
						Severity.ERROR.label().equals(rs.getString(2)) ? Severity.ERROR : Severity.WARNING,
						CellRef.parse(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6)),
				fileId);
	}

	/**
	 * A warning of a file as the school answers it: its id, where, what, and the 说明 given
	 * so far.
	 */
	public record Warning(long id, long fileId, String code, String cell, String message, String explanation) {
	}

	/** The warnings of a file, in the order they were found. */
	public List<Warning> warnings(long fileId) {
		return template.query(
				"select id, file_id, code, cell, message, explanation from finding where file_id = ? and severity = ? "
						+ "order by id",
				(rs, n) -> new Warning(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
						rs.getString(6)),
				fileId, Severity.WARNING.label());
	}

	/** The file a finding belongs to, if it is a warning of a file. */
	public Optional<Long> fileOfWarning(long findingId) {
		return template
			.query("select file_id from finding where id = ? and severity = ? and file_id is not null",
					(rs, n) -> rs.getLong(1), findingId, Severity.WARNING.label())
			.stream()
			.findFirst();
	}

	/**
	 * Keeps a school's 说明 of a warning (empty removes it), as if written in its workbook.
	 */
	public void explain(long findingId, String explanation) {
		template.update("update finding set explanation = ? where id = ? and severity = ?",
				explanation == null || explanation.isBlank() ? null : Columns.fit(explanation.strip(), Columns.MESSAGE),
				findingId, Severity.WARNING.label());
	}

	/**
	 * A school a period rule names: it is not in the period though it was in the one
	 * before.
	 */
	public record Unreported(String schoolId, String schoolName, String districtCode) {
	}

	/**
	 * Replaces a period rule's findings for a period with one per school it names (no
	 * file: the school sent none), each message naming the school.
	 */
	public void replacePeriodFindings(String period, String code, Severity severity, String message,
			List<Unreported> schools) {
		template.update("delete from finding where file_id is null and period = ? and code = ?", period, code);
		template.batchUpdate(
				"insert into finding (file_id, school_id, period, code, severity, cell, message, reason, district_code) "
						+ "values (null, ?, ?, ?, ?, '', ?, ?, ?)",
				schools.stream()
					.map(s -> new Object[] { s.schoolId(), period, code, severity.label(),
							Columns.fit(message + ":" + s.schoolName() + "(" + s.schoolId() + ")", Columns.MESSAGE),
							"period rule " + code, s.districtCode() })
					.toList());
	}

}
