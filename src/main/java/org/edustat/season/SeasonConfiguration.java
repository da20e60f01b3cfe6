package org.edustat.season;

import java.time.Clock;
import java.time.ZoneId;

import org.edustat.examine.Inspector;
import org.edustat.examine.JobFiles;
import org.edustat.intake.Archive;
import org.edustat.ledger.FindingStore;
import org.edustat.ledger.Ledger;
import org.edustat.load.SchoolStatuses;
import org.edustat.users.Users;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Wires the season: the audit trail, the locks of periods and the 审核 of schools and 区县.
 */
@Configuration(proxyBeanMethods = false)
class SeasonConfiguration {

	@Bean
	AuditTrail auditTrail(JdbcClient jdbc) {
		return new AuditTrail(jdbc, Clock.systemUTC());
	}

	@Bean
	PeriodLocks periodLocks(JdbcClient jdbc, AuditTrail audit) {
		return new PeriodLocks(jdbc, audit, Clock.systemUTC());
	}

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	SchoolAccounts schoolAccounts(JdbcClient jdbc, Users users) {
		return new SchoolAccounts(jdbc, users);
	}

	@Bean
	Deadlines deadlines(JdbcClient jdbc, Reviews reviews, AuditTrail audit,
			@Value("${edustat.schedule.zone:Asia/Shanghai}") String zone) {
		return new Deadlines(jdbc, reviews, audit, ZoneId.of(zone), Clock.systemUTC());
	}

	@Bean
	ReportStanding reportStanding(Reviews reviews, PeriodLocks locks, Deadlines deadlines, JdbcClient jdbc) {
		return new ReportStanding(reviews, locks, deadlines, jdbc);
	}

	@Bean
	SchoolPages schoolPages(JdbcClient jdbc, Ledger ledger, Reviews reviews, Archive archive, Inspector inspector,
			JobFiles jobFiles, FindingStore findings, AuditTrail audit) {
		return new SchoolPages(jdbc, ledger, reviews, archive, inspector, jobFiles, findings, audit);
	}

	@Bean
	Reviews reviews(JdbcClient jdbc, SchoolStatuses statuses, PeriodLocks locks, AuditTrail audit) {
		return new Reviews(jdbc, statuses, locks, audit, Clock.systemUTC());
	}

}
