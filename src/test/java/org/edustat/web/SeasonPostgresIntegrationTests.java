package org.edustat.web;

import java.nio.file.Path;

import org.edustat.pipeline.TestFolders;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The season on a real PostgreSQL server (started by .ci/run; URL in
 * EDUSTAT_TEST_POSTGRES_URL), in a schema of its own so that it never meets the other
 * PostgreSQL tests' tables.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
@EnabledIf("chromiumInstalled")
@EnabledIfEnvironmentVariable(named = "EDUSTAT_TEST_POSTGRES_URL", matches = ".+",
		disabledReason = "no PostgreSQL server for this run (.ci/run starts one and sets EDUSTAT_TEST_POSTGRES_URL)")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeasonPostgresIntegrationTests extends SeasonTests {

	static final String URL = System.getenv("EDUSTAT_TEST_POSTGRES_URL");

	static final Path ROOT = TestFolders.root("edustat-season-postgres");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws Exception {
		TestFolders.postgresSchema(registry, URL, "season");
		TestFolders.folders(registry, ROOT);
	}

	@Override
	Path root() {
		return ROOT;
	}

}
