package org.edustat.pipeline;

import java.util.Set;

import org.edustat.core.DistrictCode;
import org.edustat.examine.Examined;
import org.edustat.examine.Examiner;
import org.edustat.examine.Inspector;
import org.edustat.examine.JobFiles;
import org.edustat.intake.Archive;
import org.edustat.intake.Inbox;
import org.edustat.intake.InboxFile;
import org.edustat.intake.IntakeProperties;
import org.edustat.ledger.FindingStore;
import org.edustat.ledger.Ledger;
import org.edustat.load.DatabaseHistory;
import org.edustat.load.FigureKeys;
import org.edustat.load.FileRecorder;
import org.edustat.load.KnownDistricts;
import org.edustat.load.UnreportedSchools;
import org.edustat.pipeline.internal.ExaminingProcessor;
import org.edustat.pipeline.internal.InboxReader;
import org.edustat.pipeline.internal.ProgressListener;
import org.edustat.pipeline.internal.Quarantine;
import org.edustat.pipeline.internal.ReceiptCatchUp;
import org.edustat.pipeline.internal.RecordWriter;
import org.edustat.reports.ComparativeReports;
import org.edustat.season.PeriodLocks;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.StepListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The import job: read the statisticians' files, seed the districts, apply reference
 * workbooks, then take every school submission in the inbox, oldest first — listed by the
 * reader, examined by the processor on every core a window of files ahead of the writer,
 * each chunk archived and recorded by the writer in one transaction with the step's
 * position — then rewrite the comparative reports if the run loaded anything.
 */
@Configuration(proxyBeanMethods = false)
class ImportJobConfiguration {

	static final String JOB_NAME = "importJob";

	private final ThreadPoolTaskExecutor examiners;

	ImportJobConfiguration(IntakeProperties properties) {
		this.examiners = examiners(properties);
	}

	@Bean
	Job importJob(JobRepository jobRepository, Step loadRules, Step seedDistricts, Step referenceData, Step submissions,
			Step receiptsCatchUp, Step periodRules, Step reports, ProgressListener importProgress) {
		return new JobBuilder(JOB_NAME, jobRepository).start(loadRules)
			.next(seedDistricts)
			.next(referenceData)
			.next(submissions)
			.next(receiptsCatchUp)
			.next(periodRules)
			.next(reports)
			.listener(importProgress)
			.build();
	}

	@Bean
	Step loadRules(JobRepository jobRepository, PlatformTransactionManager transactionManager, JobFiles rules,
			Ledger ledger, Inbox inbox, Examiner examiner) {
		return new StepBuilder("loadRules", jobRepository).tasklet((contribution, context) -> {
			rules.reload();
			examiner.discardCopies();
			ledger.reconcileCleared(inbox);
			return RepeatStatus.FINISHED;
		}, transactionManager).allowStartIfComplete(true).build();
	}

	@Bean
	Step seedDistricts(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			KnownDistricts districts) {
		return once("seedDistricts", jobRepository, transactionManager, districts::seed);
	}

	@Bean
	Step referenceData(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			InboxReader referenceReader, ExaminingProcessor referenceProcessor, RecordWriter recordWriter,
			ProgressListener importProgress) {
		// one workbook a chunk: a 区县 workbook is recorded before the 年度目标 after it is
		// examined against the 区县 known
		return new StepBuilder("referenceData", jobRepository).<InboxFile, Examined>chunk(1)
			.transactionManager(transactionManager)
			.reader(referenceReader)
			.processor(referenceProcessor)
			.writer(recordWriter)
			.listener((StepListener) importProgress)
			.build();
	}

	@Bean
	Step submissions(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			InboxReader submissionReader, ExaminingProcessor examiningProcessor, RecordWriter recordWriter,
			IntakeProperties properties, ProgressListener importProgress, Quarantine quarantine) {
		return new StepBuilder("submissions", jobRepository).<InboxFile, Examined>chunk(properties.chunkSize())
			.transactionManager(transactionManager)
			.reader(submissionReader)
			.processor(examiningProcessor)
			.writer(recordWriter)
			.faultTolerant()
			.skipPolicy(quarantine)
			.skipListener(quarantine)
			.listener((StepListener) importProgress)
			.build();
	}

	/**
	 * The 回执 a stopped run recorded the outcome of and never wrote; allowed to start
	 * again in every run.
	 */
	@Bean
	Step receiptsCatchUp(JobRepository jobRepository, PlatformTransactionManager transactionManager, Ledger ledger,
			FindingStore findings, Archive archive, Inspector inspector, JobFiles jobFiles, Receipts receipts,
			KnownDistricts districts) {
		ReceiptCatchUp catchUp = new ReceiptCatchUp(ledger, findings, archive, inspector, jobFiles, receipts);
		return new StepBuilder("receipts", jobRepository).tasklet((contribution, context) -> {
			catchUp.run(districts.get()::contains);
			return RepeatStatus.FINISHED;
		}, transactionManager).allowStartIfComplete(true).build();
	}

	@Bean
	Step periodRules(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			UnreportedSchools unreported, JobFiles jobFiles) {
		return once("periodRules", jobRepository, transactionManager, () -> unreported.record(jobFiles.book()));
	}

	@Bean
	Step reports(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ComparativeReports reports) {
		return once("reports", jobRepository, transactionManager, reports::writeIfDue);
	}

	/**
	 * The threads that examine files ahead of the writer: one a core (or as configured),
	 * pooled (a thread a file cost 12 % of the import), idle ones let go after a minute.
	 * Not a bean, so that Spring Boot's own task executor stays.
	 */
	private static ThreadPoolTaskExecutor examiners(IntakeProperties properties) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(properties.effectiveThreads());
		executor.setMaxPoolSize(properties.effectiveThreads());
		executor.setAllowCoreThreadTimeOut(true);
		executor.setKeepAliveSeconds(60);
		executor.setThreadNamePrefix("examine-");
		executor.setDaemon(true);
		executor.initialize();
		return executor;
	}

	@Bean
	@StepScope
	InboxReader referenceReader(Inbox inbox, Examiner examiner, RunProgress progress) {
		return new InboxReader(inbox, examiner::isReference, examiner::referenceRank, progress);
	}

	@Bean
	@StepScope
	InboxReader submissionReader(Inbox inbox, ExaminingProcessor examiningProcessor, IntakeProperties properties) {
		return new InboxReader(inbox, examiningProcessor::ahead, aheadWindow(properties));
	}

	/**
	 * Files examined ahead of the one the writer will take next: two chunks, and at least
	 * four a thread, so that the examiners have work while a chunk is recorded; what they
	 * hold is bounded by it.
	 */
	private static int aheadWindow(IntakeProperties properties) {
		return Math.max(2 * properties.chunkSize(), 4 * properties.effectiveThreads());
	}

	@Bean
	@StepScope
	ExaminingProcessor examiningProcessor(Examiner examiner, KnownDistricts districts) {
		Set<DistrictCode> known = districts.get();
		return new ExaminingProcessor(examiner, () -> known, examiners);
	}

	/**
	 * The reference workbooks' processor: the 区县 known read again for each, so a 年度目标
	 * sees the 区县 applied before it.
	 */
	@Bean
	@StepScope
	ExaminingProcessor referenceProcessor(Examiner examiner, KnownDistricts districts) {
		return new ExaminingProcessor(examiner, districts::get, examiners);
	}

	@Bean
	@StepScope
	RecordWriter recordWriter(FileRecorder recorder, JobFiles jobFiles, JdbcClient jdbc, FigureKeys keys,
			Receipts receipts, PeriodLocks locks) {
		return new RecordWriter(recorder, jobFiles, new DatabaseHistory(jdbc, keys), receipts, locks);
	}

	@Bean
	@StepScope
	Quarantine quarantine(FileRecorder recorder) {
		return new Quarantine(recorder);
	}

	@Bean
	ProgressListener importProgress(RunProgress progress, Ledger ledger) {
		return new ProgressListener(progress, ledger);
	}

	/** A step that does one piece of work in one transaction. */
	private static Step once(String name, JobRepository jobRepository, PlatformTransactionManager transactionManager,
			Runnable work) {
		return new StepBuilder(name, jobRepository).tasklet((contribution, context) -> {
			work.run();
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

}
