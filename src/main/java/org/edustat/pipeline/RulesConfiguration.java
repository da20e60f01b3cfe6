package org.edustat.pipeline;

import java.time.ZoneId;

import org.edustat.examine.Examiner;
import org.edustat.examine.Inspector;
import org.edustat.examine.JobFiles;
import org.edustat.intake.Archive;
import org.edustat.intake.FileGuard;
import org.edustat.intake.Inbox;
import org.edustat.intake.IntakeProperties;
import org.edustat.intake.WorkFolder;
import org.edustat.ledger.Ledger;
import org.edustat.ledger.LedgerReadings;
import org.edustat.load.Coverage;
import org.edustat.load.DatabaseHistory;
import org.edustat.load.DatabaseRegistry;
import org.edustat.load.FactsReader;
import org.edustat.load.FigureKeys;
import org.edustat.load.FileRecorder;
import org.edustat.load.KnownDistricts;
import org.edustat.load.ReferenceStore;
import org.edustat.normalise.WorkbookNormaliser;
import org.edustat.reports.ComparativeReports;
import org.edustat.reports.FeedbackWorkbooks;
import org.edustat.reports.ReportValues;
import org.edustat.reports.ReportsProperties;
import org.edustat.season.PeriodLocks;
import org.edustat.season.ReportStanding;
import org.edustat.validate.RuleBook;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires the features the jobs share to the statisticians' files of jobs/ and to the
 * database: the files in force, the known 区县, the inspector and examiner of workbooks,
 * the feedback workbooks and the comparative reports.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ReportsProperties.class, JobsProperties.class })
class RulesConfiguration {

	@Bean
	JobFiles jobFiles(JobsProperties jobs, JdbcClient jdbc, FigureKeys keys) {
		return new JobFiles(jobs.folder(), new DatabaseHistory(jdbc, keys), new DatabaseRegistry(jdbc));
	}

	@Bean
	KnownDistricts knownDistricts(ReferenceStore references, JobsProperties jobs) {
		return new KnownDistricts(references, jobs.folder().resolve("districts.yaml"));
	}

	@Bean
	Inspector inspector(FileGuard guard, JobFiles jobFiles, KnownDistricts districts, IntakeProperties intake) {
		WorkbookNormaliser.applySafetyLimits(intake.maxUnpackedEntry().toBytes());
		return new Inspector(guard, new WorkbookNormaliser(), jobFiles, districts::get);
	}

	@Bean
	Examiner examiner(Ledger ledger, Inspector inspector, JobFiles jobFiles, WorkFolder work) {
		return new Examiner(ledger, inspector, jobFiles, work.path().resolve("received"));
	}

	@Bean
	RunHistory runHistory(JdbcClient jdbc, LedgerReadings ledger) {
		return new RunHistory(jdbc, ledger);
	}

	@Bean
	FeedbackWorkbooks feedbackWorkbooks(ReportsProperties reports, ScheduleProperties schedule) {
		return new FeedbackWorkbooks(reports.output(), ZoneId.of(schedule.zone()));
	}

	@Bean
	Receipts receipts(FeedbackWorkbooks feedback, Archive archive, Ledger ledger) {
		return new Receipts(feedback, archive, ledger);
	}

	@Bean
	Uploads uploads(Inspector inspector, Inbox inbox, FileRecorder recorder, Receipts receipts,
			PlatformTransactionManager transactions, PeriodLocks locks) {
		return new Uploads(inspector, inbox, recorder, receipts, transactions, locks);
	}

	@Bean
	ReportValues reportValues(JdbcClient jdbc) {
		return new ReportValues(jdbc);
	}

	@Bean
	ComparativeReports comparativeReports(JdbcClient jdbc, JdbcTemplate template, ReferenceStore references,
			Coverage coverage, LedgerReadings ledger, JobFiles jobFiles, ReportsProperties reports, FigureKeys keys,
			ReportStanding standing) {
		return new ComparativeReports(jdbc, template, new FactsReader(template, keys), references, coverage, ledger,
				jobFiles::catalogue,
				code -> jobFiles.book().summary(code).map(RuleBook.RuleSpecSummary::name).orElse(code),
				reports.output(), standing);
	}

}
