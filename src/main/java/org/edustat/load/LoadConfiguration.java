package org.edustat.load;

import java.time.Clock;
import javax.sql.DataSource;

import org.edustat.intake.Archive;
import org.edustat.ledger.FindingStore;
import org.edustat.ledger.Ledger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** Wires the stores and the recorder on the reporting DataSource. */
@Configuration(proxyBeanMethods = false)
class LoadConfiguration {

	@Bean
	FigureKeys figureKeys(DataSource dataSource) {
		return new FigureKeys(dataSource);
	}

	@Bean
	SubmissionStore submissionStore(JdbcClient jdbc, JdbcTemplate template, FigureKeys keys) {
		return new SubmissionStore(jdbc, template, keys);
	}

	@Bean
	Coverage coverage(JdbcClient jdbc) {
		return new Coverage(jdbc);
	}

	@Bean
	SchoolStatuses schoolStatuses(JdbcClient jdbc, Coverage coverage) {
		return new SchoolStatuses(jdbc, coverage);
	}

	@Bean
	UnreportedSchools unreportedSchools(SubmissionStore submissions, Coverage coverage, FindingStore findings) {
		return new UnreportedSchools(submissions, coverage, findings);
	}

	@Bean
	ReferenceStore referenceStore(JdbcClient jdbc, JdbcTemplate template) {
		return new ReferenceStore(jdbc, template);
	}

	@Bean
	FileRecorder fileRecorder(Ledger ledger, Archive archive, SubmissionStore submissions, ReferenceStore references,
			FindingStore findings, PlatformTransactionManager transactionManager) {
		return new FileRecorder(ledger, archive, submissions, references, findings, transactionManager,
				Clock.systemDefaultZone());
	}

}
