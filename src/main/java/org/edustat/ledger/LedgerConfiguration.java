package org.edustat.ledger;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Wires the ledger and the findings store on the reporting DataSource. */
@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

	@Bean
	Ledger ledger(JdbcTemplate template) {
		return new Ledger(template);
	}

	@Bean
	LedgerReadings ledgerReadings(JdbcClient jdbc) {
		return new LedgerReadings(jdbc);
	}

	@Bean
	FindingStore findingStore(JdbcTemplate template) {
		return new FindingStore(template);
	}

}
