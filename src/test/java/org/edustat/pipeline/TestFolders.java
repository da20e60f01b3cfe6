package org.edustat.pipeline;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.test.context.DynamicPropertyRegistry;

/** The run's folders for full-application tests of other packages. */
public final class TestFolders {

	private TestFolders() {
	}

	/** A new temporary folder for a test class. */
	public static Path root(String prefix) {
		return ImportJobIntegrationTestsSupport.tempRoot(prefix);
	}

	/**
	 * Points the application at a fresh schema of its own on the PostgreSQL server of
	 * EDUSTAT_TEST_POSTGRES_URL (as the user edustat), so that a test class never meets
	 * another's tables.
	 */
	public static void postgresSchema(DynamicPropertyRegistry registry, String url, String schema) throws SQLException {
		try (Connection c = DriverManager.getConnection(url, "edustat", "edustat"); Statement s = c.createStatement()) {
			s.execute("drop schema if exists " + schema + " cascade");
			s.execute("create schema " + schema);
		}
		registry.add("spring.datasource.url", () -> url + "?currentSchema=" + schema);
		registry.add("spring.datasource.username", () -> "edustat");
		registry.add("spring.datasource.password", () -> "edustat");
		registry.add("spring.flyway.schemas", () -> schema);
	}

	/** Points the application's inbox, archive and output at folders under root. */
	public static void folders(DynamicPropertyRegistry registry, Path root) {
		registry.add("edustat.intake.inbox", () -> root.resolve("input").toString());
		registry.add("edustat.intake.archive", () -> root.resolve("archive").toString());
		registry.add("edustat.reports.output", () -> root.resolve("output").toString());
	}

}
