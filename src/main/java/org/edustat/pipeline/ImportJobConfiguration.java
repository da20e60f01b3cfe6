package org.edustat.pipeline;

import org.edustat.intake.Examined;
import org.edustat.intake.Inbox;
import org.edustat.intake.Intake;
import org.edustat.intake.IntakeProperties;
import org.edustat.intake.Ledger;
import org.edustat.load.DatabaseHistory;
import org.edustat.load.FileRecorder;
import org.edustat.reports.ComparativeReports;
import org.edustat.reports.FeedbackWorkbooks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The import job: read the audit rules, seed the districts, apply reference workbooks, then take every school submission in the inbox,
 * oldest first, each chunk of files recorded in one transaction with the step's position; then rewrite the
 * comparative reports if the run loaded anything.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JobsProperties.class)
class ImportJobConfiguration {

	static final String JOB_NAME = "importJob";

	@Bean
	Job importJob(JobRepository jobRepository, Step loadRules, Step seedDistricts, Step referenceData, Step submissions,
			Step reports, ProgressListener importProgress) {
		return new JobBuilder(JOB_NAME, jobRepository).start(loadRules)
			.next(seedDistricts)
			.next(referenceData)
			.next(submissions)
			.next(reports)
			.listener(importProgress)
			.build();
	}

	@Bean
	Step loadRules(JobRepository jobRepository, PlatformTransactionManager transactionManager, JobFiles rules, Ledger ledger,
			Inbox inbox) {
		return new StepBuilder("loadRules", jobRepository).tasklet((contribution, context) -> {
			rules.reload();
			ledger.reconcileCleared(inbox);
			return org.springframework.batch.infrastructure.repeat.RepeatStatus.FINISHED;
		}, transactionManager).allowStartIfComplete(true).build();
	}

	@Bean
	Step reports(JobRepository jobRepository, PlatformTransactionManager transactionManager, ComparativeReports reports) {
		return new StepBuilder("reports", jobRepository).tasklet((contribution, context) -> {
			reports.writeIfDue();
			return org.springframework.batch.infrastructure.repeat.RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	@Bean
	Step seedDistricts(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			KnownDistricts districts) {
		return new StepBuilder("seedDistricts", jobRepository).tasklet((contribution, context) -> {
			districts.seed();
			return org.springframework.batch.infrastructure.repeat.RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	@Bean
	Step referenceData(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ExaminingReader referenceReader, RecordWriter recordWriter, ProgressListener importProgress) {
		return new StepBuilder("referenceData", jobRepository).<Examined, Examined>chunk(10)
			.transactionManager(transactionManager)
			.reader(referenceReader)
			.writer(recordWriter)
			.listener((Object) recordWriter)
			.listener((Object) importProgress)
			.build();
	}

	@Bean
	Step submissions(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ExaminingReader submissionReader, RecordWriter recordWriter, IntakeProperties properties,
			ProgressListener importProgress, Quarantine quarantine) {
		return new StepBuilder("submissions", jobRepository).<Examined, Examined>chunk(properties.chunkSize())
			.transactionManager(transactionManager)
			.reader(submissionReader)
			.writer(recordWriter)
			.faultTolerant()
			.skipPolicy(quarantine)
			.skipListener(quarantine)
			.listener((Object) quarantine)
			.listener((Object) recordWriter)
			.listener((Object) importProgress)
			.build();
	}

	@Bean
	@StepScope
	Quarantine quarantine(FileRecorder recorder) {
		return new Quarantine(recorder);
	}

	@Bean
	@StepScope
	ExaminingReader referenceReader(Inbox inbox, Intake intake, KnownDistricts districts, FeedbackWorkbooks feedback,
			RunProgress progress) {
		return new ExaminingReader(inbox, intake, districts, intake::isReference, 1, feedback, progress);
	}

	@Bean
	@StepScope
	ExaminingReader submissionReader(Inbox inbox, Intake intake, KnownDistricts districts, IntakeProperties properties,
			FeedbackWorkbooks feedback, RunProgress progress) {
		return new ExaminingReader(inbox, intake, districts, file -> true, properties.effectiveThreads(), feedback, null);
	}

	@Bean
	@StepScope
	RecordWriter recordWriter(FileRecorder recorder, JobFiles jobFiles, JdbcClient jdbc, FeedbackWorkbooks feedback) {
		return new RecordWriter(recorder, jobFiles, new DatabaseHistory(jdbc), feedback);
	}

	@Bean
	ProgressListener importProgress(RunProgress progress, Ledger ledger) {
		return new ProgressListener(progress, ledger);
	}
}
