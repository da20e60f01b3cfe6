package org.edustat.pipeline;

import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;

/** The run's folders for full-application tests of other packages. */
public final class TestFolders {

	private TestFolders() {
	}

	/** A new temporary folder for a test class. */
	public static Path root(String prefix) {
		return ImportJobIntegrationTestsSupport.tempRoot(prefix);
	}

	/** Points the application's inbox, archive and output at folders under root. */
	public static void folders(DynamicPropertyRegistry registry, Path root) {
		registry.add("edustat.intake.inbox", () -> root.resolve("input").toString());
		registry.add("edustat.intake.archive", () -> root.resolve("archive").toString());
		registry.add("edustat.reports.output", () -> root.resolve("output").toString());
	}
}
