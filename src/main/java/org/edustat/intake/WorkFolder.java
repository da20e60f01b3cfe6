package org.edustat.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * EduStat's own folder for temporary files (uploads being checked, POI's), under the data
 * folder.
 */
public record WorkFolder(Path path) {

	/** A new empty temporary file in the folder, which is made if missing. */
	public Path createTempFile(String prefix, String suffix) throws IOException {
		Files.createDirectories(path);
		return Files.createTempFile(path, prefix, suffix);
	}

	/** A new empty temporary folder in the folder, which is made if missing. */
	public Path createTempDirectory(String prefix) throws IOException {
		Files.createDirectories(path);
		return Files.createTempDirectory(path, prefix);
	}
}
