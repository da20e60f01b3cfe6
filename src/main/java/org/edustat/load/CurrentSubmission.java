package org.edustat.load;

import java.time.Instant;

/**
 * The submission loaded now for a school and period: which file, and when that file was
 * modified.
 */
public record CurrentSubmission(long fileId, Instant modifiedAt) {
}
