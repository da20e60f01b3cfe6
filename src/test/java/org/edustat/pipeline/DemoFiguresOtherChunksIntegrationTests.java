package org.edustat.pipeline;

import java.nio.file.Path;

import org.edustat.cli.ImportCommand;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Determinism: the demo inbox imported with chunks of 3 files and one examining thread
 * gives exactly the figures, findings, statuses and report values of the default run
 * (chunks of 20, a thread per core) — history rules see a previous period loaded earlier
 * in the same run whatever the chunk boundaries and threads.
 */
@SpringBootTest
class DemoFiguresOtherChunksIntegrationTests {

	static final Path ROOT = ImportJobIntegrationTestsSupport.tempRoot("edustat-demo-chunks");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ImportJobIntegrationTestsSupport.folders(registry, ROOT, "demo-chunks");
		registry.add("edustat.intake.chunk-size", () -> "3");
		registry.add("edustat.intake.threads", () -> "1");
	}

	@Autowired
	ImportCommand importCommand;

	@Autowired
	JdbcClient jdbc;

	@Test
	void smallChunksAndOneThreadGiveTheSameFiguresAndFindings() throws Exception {
		DemoFiguresIntegrationTests.assertSameAsBefore(ROOT, importCommand, jdbc);
	}

}
