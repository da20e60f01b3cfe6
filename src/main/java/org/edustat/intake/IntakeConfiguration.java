package org.edustat.intake;

import org.edustat.normalise.internal.WorkbookReader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Wires the inbox, the ledger, the archive and the guard. */
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
	Ledger ledger(JdbcClient jdbc) {
		return new Ledger(jdbc);
	}

	@Bean
	Intake intake(Ledger ledger, Archive archive, IntakeProperties properties, ObjectProvider<SubmissionChecks> checks) {
		WorkbookReader.applySafetyLimits(properties.maxUnpackedEntry().toBytes());
		return new Intake(ledger, archive, new FileGuard(properties.maxFileSize().toBytes()),
				checks.getObject());
	}
}
