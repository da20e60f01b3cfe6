package org.edustat.intake;

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

	@Bean
	FileGuard fileGuard(IntakeProperties properties) {
		return new FileGuard(properties.maxFileSize().toBytes());
	}
}
