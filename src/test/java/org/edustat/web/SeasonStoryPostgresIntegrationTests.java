package org.edustat.web;

import java.nio.file.Path;

import org.edustat.pipeline.TestFolders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The season story on a real PostgreSQL server (started by .ci/run; URL in
 * EDUSTAT_TEST_POSTGRES_URL), in a schema of its own so that it never meets the other
 * PostgreSQL tests' tables.
 */
@BrowserOnPostgres
class SeasonStoryPostgresIntegrationTests extends SeasonStoryTests {

	static final String URL = System.getenv("EDUSTAT_TEST_POSTGRES_URL");

	static final Path ROOT = TestFolders.root("edustat-season-story-postgres");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws Exception {
		TestFolders.postgresSchema(registry, URL, "season_story");
		TestFolders.folders(registry, ROOT);
	}

	@Override
	Path root() {
		return ROOT;
	}

}
