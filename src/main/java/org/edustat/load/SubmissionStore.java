package org.edustat.load;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.edustat.core.Figure;
import org.edustat.core.Period;
import org.edustat.core.SheetData;
import org.edustat.core.Submission;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reporting tables of school submissions. Callers run {@link #replace} inside one
 * transaction, so a reader never sees half a school.
 */
public class SubmissionStore {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final FigureKeys keys;

	public SubmissionStore(JdbcClient jdbc, JdbcTemplate template, FigureKeys keys) {
		this.jdbc = jdbc;
		this.template = template;
		this.keys = keys;
	}

	public Optional<CurrentSubmission> current(String schoolId, String period) {
		return jdbc.sql("select file_id, modified_at from submission where school_id = ? and period = ?")
			.params(schoolId, period)
			.query((rs, n) -> new CurrentSubmission(rs.getLong(1), rs.getTimestamp(2).toInstant()))
			.optional();
	}

	/**
	 * A set of replacements whose figures are written together by {@link Batch#flush()},
	 * in the caller's transaction.
	 */
	public Batch batch() {
		return new Batch();
	}

	/**
	 * Replacements of one transaction; a later replacement of the same school and period
	 * drops the earlier one's figures.
	 */
	public final class Batch {

		private final Map<String, Figures> pending = new LinkedHashMap<>();

		private Batch() {
		}

		/**
		 * Removes the school's data for the period, if any, and writes this submission's
		 * (its figures at flush).
		 */
		public void replace(Submission submission, long fileId, Instant modifiedAt, Instant loadedAt) {
			delete(submission.school().id().value(), submission.period().code());
			insert(submission, fileId, modifiedAt, loadedAt);
		}

		/**
		 * Writes this submission's data (its figures at flush); the caller has found none
		 * for its school and period.
		 */
		public void insert(Submission submission, long fileId, Instant modifiedAt, Instant loadedAt) {
			String school = submission.school().id().value();
			String period = submission.period().code();
			var s = submission.school();
			jdbc.sql(
					"""
							insert into submission (school_id, period, file_id, school_name, district_code, school_type, sponsor,
							  urban_rural, modified_at, loaded_at, reporter, reporter_phone)
							values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(Arrays.asList(school, period, fileId, s.name(), s.district().value(), s.type().label(),
						s.sponsor().label(), s.urbanRural().label(), Timestamp.from(modifiedAt),
						Timestamp.from(loadedAt), submission.contact().reporter(), submission.contact().phone()))
				.update();
			pending.put(school + "/" + period, Figures.of(school, period, submission));
		}

		public void flush() {
			List<Figures> rows = List.copyOf(pending.values());
			pending.clear();
			template.batchUpdate(
					"insert into submission_figures (school_id, period, key_ids, vals) values (?, ?, ?, ?)",
					new BatchPreparedStatementSetter() {

						@Override
						public void setValues(PreparedStatement ps, int i) throws SQLException {
							Figures row = rows.get(i);
							ps.setString(1, row.school());
							ps.setString(2, row.period());
							// the arrays themselves: createArrayOf and setArray made H2
							// convert every element three times
							ps.setObject(3, keys.ids(row.keys()));
							ps.setObject(4, row.values());
						}

						@Override
						public int getBatchSize() {
							return rows.size();
						}
					});
		}

	}

	/**
	 * A submission's figures as the parallel arrays of a {@code submission_figures} row:
	 * element i of each is one figure, its value in millionths.
	 */
	private record Figures(String school, String period, FigureKey[] keys, Long[] values) {

		static Figures of(String school, String period, Submission submission) {
			int size = 0;
			for (SheetData sheet : submission.sheets().values()) {
				for (Map<String, Figure> row : sheet.rows().values()) {
					size += row.size();
				}
			}
			Figures figures = new Figures(school, period, new FigureKey[size], new Long[size]);
			int i = 0;
			for (SheetData sheet : submission.sheets().values()) {
				for (Map.Entry<String, Map<String, Figure>> row : sheet.rows().entrySet()) {
					for (Map.Entry<String, Figure> cell : row.getValue().entrySet()) {
						figures.keys[i] = new FigureKey(sheet.sheet(), row.getKey(), cell.getKey(),
								cell.getValue().cell().toString());
						figures.values[i] = StoredFigures.millionths(cell.getValue().value());
						i++;
					}
				}
			}
			return figures;
		}
	}

	/** A school that sent the previous period and has not sent this one (rule Y03). */
	public record Missing(String schoolId, String schoolName, String districtCode) {
	}

	public List<Missing> missing(Period period) {
		return jdbc
			.sql("select p.school_id, p.school_name, p.district_code from submission p where p.period = ? "
					+ "and not exists (select 1 from submission s where s.school_id = p.school_id and s.period = ?) "
					+ "order by p.district_code, p.school_id")
			.params(period.previous().code(), period.code())
			.query((rs, n) -> new Missing(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	public void delete(String schoolId, String period) {
		jdbc.sql("delete from submission_figures where school_id = ? and period = ?").params(schoolId, period).update();
		jdbc.sql("delete from submission where school_id = ? and period = ?").params(schoolId, period).update();
	}

}
