package org.edustat.intake;

import java.time.Instant;

/** One file's line in the ledger. */
public record LedgerEntry(long id, String receivedPath, String fileName, long size, String sha256, Instant modifiedAt,
		Instant receivedAt, String kind, String schoolId, String schoolName, String period, String districtCode,
		FileStatus status, String reason, Long supersededBy, String archivePath, boolean inboxCleared,
		Long jobExecutionId) {
}
