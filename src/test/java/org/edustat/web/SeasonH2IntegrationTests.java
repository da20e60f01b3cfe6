package org.edustat.web;

import java.nio.file.Path;

import org.edustat.pipeline.TestFolders;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The season on the embedded H2 database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EnabledIf("chromiumInstalled")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeasonH2IntegrationTests extends SeasonTests {

	static final Path ROOT = TestFolders.root("edustat-season-h2");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:season;DB_CLOSE_DELAY=-1");
		TestFolders.folders(registry, ROOT);
	}

	@Override
	Path root() {
		return ROOT;
	}

}
