package org.edustat.ledger;

import java.time.Instant;

/** One file's line in the ledger. */
public record LedgerEntry(long id, String receivedPath, String fileName, long size, String sha256, Instant modifiedAt,
		Instant receivedAt, String kind, String schoolId, String schoolName, String period, String districtCode,
		FileStatus status, String reason, Long supersededBy, String archivePath, boolean inboxCleared,
		Long jobExecutionId, String notes) {

	/** An entry about to be written; its notes are added by {@link Ledger#note}. */
	public LedgerEntry(long id, String receivedPath, String fileName, long size, String sha256, Instant modifiedAt,
			Instant receivedAt, String kind, String schoolId, String schoolName, String period, String districtCode,
			FileStatus status, String reason, Long supersededBy, String archivePath, boolean inboxCleared,
			Long jobExecutionId) {
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
