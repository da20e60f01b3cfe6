package org.edustat.intake;

import java.nio.file.Path;
import java.time.Instant;

/** A file found in the inbox: where it is, its path as received (relative to the inbox), size and modification time. */
public record InboxFile(Path path, String receivedPath, long size, Instant modifiedAt) {

	public String fileName() {
		return path.getFileName().toString();
	}
}
