package org.edustat.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One file's line in the ledger. */
public record LedgerEntry(long id, String receivedPath, String fileName, long size, String sha256, Instant modifiedAt,
		Instant receivedAt, String kind, @Nullable String schoolId, @Nullable String schoolName,
		@Nullable String period, @Nullable String districtCode, FileStatus status, @Nullable String reason,
		@Nullable Long supersededBy, @Nullable String archivePath, boolean inboxCleared, @Nullable Long jobExecutionId,
		@Nullable String notes) {

	/** The columns {@link #read} reads, in a select list. */
	static final String COLUMNS = "id, received_path, file_name, size_bytes, sha256, modified_at, received_at, "
			+ "file_kind, school_id, school_name, period, district_code, status, reason, superseded_by, archive_path, "
			+ "inbox_cleared, job_execution_id, notes";

	/** The entry of the current row of a select of {@link #COLUMNS}. */
	static LedgerEntry read(ResultSet rs, int row) throws SQLException {
		long superseded = rs.getLong("superseded_by");
		Long supersededBy = rs.wasNull() ? null : superseded;
		long job = rs.getLong("job_execution_id");
		Long jobExecutionId = rs.wasNull() ? null : job;
		return new LedgerEntry(rs.getLong("id"), rs.getString("received_path"), rs.getString("file_name"),
				rs.getLong("size_bytes"), rs.getString("sha256"), rs.getTimestamp("modified_at").toInstant(),
				rs.getTimestamp("received_at").toInstant(), rs.getString("file_kind"), rs.getString("school_id"),
				rs.getString("school_name"), rs.getString("period"), rs.getString("district_code"),
				FileStatus.ofLabel(rs.getString("status")), rs.getString("reason"), supersededBy,
				rs.getString("archive_path"), rs.getBoolean("inbox_cleared"), jobExecutionId, rs.getString("notes"));
	}

	/** An entry about to be written; its notes are added by {@link Ledger#note}. */
	public LedgerEntry(long id, String receivedPath, String fileName, long size, String sha256, Instant modifiedAt,
			Instant receivedAt, String kind, @Nullable String schoolId, @Nullable String schoolName,
			@Nullable String period, @Nullable String districtCode, FileStatus status, @Nullable String reason,
			@Nullable Long supersededBy, @Nullable String archivePath, boolean inboxCleared,
			@Nullable Long jobExecutionId) {
		this(id, receivedPath, fileName, size, sha256, modifiedAt, receivedAt, kind, schoolId, schoolName, period,
				districtCode, status, reason, supersededBy, archivePath, inboxCleared, jobExecutionId, null);
	}

	/**
	 * Whether this is the entry of the file at that inbox path, committed but never
	 * removed from the inbox (a crash in between).
	 */
	public boolean leftInInboxAt(String path) {
		return !inboxCleared && receivedPath.equals(path);
	}
}
