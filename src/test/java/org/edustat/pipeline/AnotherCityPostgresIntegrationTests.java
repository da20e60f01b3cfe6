package org.edustat.pipeline;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link AnotherCity}, the city written cell by cell with plain POI, imported on
 * PostgreSQL (the production database): the same checks a reader makes — the causes of
 * 学校数 add up, 本期 − 上年同期 = 增减, every number of a paragraph a cell — where NULL sorts, text
 * collates and numbers come back as PostgreSQL does them.
 */
@ActiveProfiles("postgres")
@EnabledIfEnvironmentVariable(named = "EDUSTAT_TEST_POSTGRES_URL", matches = ".+",
		disabledReason = "no PostgreSQL server for this run (.ci/run starts one and sets EDUSTAT_TEST_POSTGRES_URL)")
class AnotherCityPostgresIntegrationTests extends AnotherCity {

	private static final String URL = System.getenv("EDUSTAT_TEST_POSTGRES_URL");

	private static final String SCHEMA = "another_city";

	static final Path POSTGRES_ROOT = ImportJobIntegrationTestsSupport.tempRoot("edustat-another-city-pg");

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) throws SQLException {
		try (Connection c = DriverManager.getConnection(URL, "edustat", "edustat"); Statement s = c.createStatement()) {
			s.execute("drop schema if exists " + SCHEMA + " cascade");
			s.execute("create schema " + SCHEMA);
		}
		ImportJobIntegrationTestsSupport.folders(registry, POSTGRES_ROOT, "another-city-pg");
		registry.add("spring.datasource.url", () -> URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
		registry.add("spring.datasource.username", () -> "edustat");
		registry.add("spring.datasource.password", () -> "edustat");
	}

	@Override
	Path root() {
		return POSTGRES_ROOT;
	}

}
