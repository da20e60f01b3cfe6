package org.edustat.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Folders for the full-application tests. */
final class ImportJobIntegrationTestsSupport {

	private ImportJobIntegrationTestsSupport() {
	}

	static Path tempRoot(String prefix) {
		try {
			return Files.createTempDirectory(prefix);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
