package org.edustat.intake;

import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the inbox, the archive and the guard. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntakeProperties.class)
class IntakeConfiguration {

	@Bean
	Inbox inbox(IntakeProperties properties) {
		return new Inbox(properties.inbox());
	}

	@Bean
	Archive archive(IntakeProperties properties) {
		return new Archive(properties.archive());
	}

	/**
	 * POI's temporary files (the streaming writer's sheets of the reports) under the data
	 * folder, beside the archive, rather than a shared {@code /tmp/poifiles} that another
	 * user of the machine may own.
	 */
	@Bean
	WorkFolder workFolder(IntakeProperties properties) {
		WorkFolder folder = new WorkFolder(properties.archive().toAbsolutePath().normalize().resolveSibling("tmp"));
		TempFile.setTempFileCreationStrategy(
				new DefaultTempFileCreationStrategy(folder.path().resolve("poifiles").toFile()));
		return folder;
	}

	@Bean
	FileGuard fileGuard(IntakeProperties properties) {
		return new FileGuard(properties.maxFileSize().toBytes());
	}

}
