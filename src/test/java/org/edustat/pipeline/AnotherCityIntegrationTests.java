package org.edustat.pipeline;

import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link AnotherCity} on the embedded H2. */
class AnotherCityIntegrationTests extends AnotherCity {

	static final Path ROOT = ImportJobIntegrationTestsSupport.tempRoot("edustat-another-city");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ImportJobIntegrationTestsSupport.folders(registry, ROOT, "another-city");
	}

	@Override
	Path root() {
		return ROOT;
	}

}
