package org.edustat.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Folders for the full-application tests. */
final class ImportJobIntegrationTestsSupport {

	private ImportJobIntegrationTestsSupport() {
	}

	/** Runs the import command and returns what it printed. */
	static String runImport(ImportCommand command) throws Exception {
		java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
		command.run(new java.io.PrintStream(buffer, true, java.nio.charset.StandardCharsets.UTF_8));
		return buffer.toString(java.nio.charset.StandardCharsets.UTF_8);
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
