package org.edustat.pipeline;

import java.io.PrintStream;
import java.time.LocalDateTime;

import org.edustat.intake.Inbox;
import org.edustat.validate.RuleFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** Runs the import job once on the inbox and prints what became of every file. */
@Component
public class ImportCommand {

	private static final Logger log = LoggerFactory.getLogger(ImportCommand.class);

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job importJob;

	private final Inbox inbox;

	private final ImportSummary summary;

	private final RuleBookHolder rules;

	private final org.edustat.reports.ReportsProperties reports;

	ImportCommand(JobOperator jobOperator, JobRepository jobRepository, @Qualifier("importJob") Job importJob, Inbox inbox,
			ImportSummary summary, RuleBookHolder rules, org.edustat.reports.ReportsProperties reports) {
		this.rules = rules;
		this.reports = reports;
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.importJob = importJob;
		this.inbox = inbox;
		this.summary = summary;
	}

	/** Runs the job and prints the summary; returns the process exit code (0 unless the job itself failed). */
	public int run(PrintStream out) throws Exception {
		recoverAbandonedRuns();
		try {
			rules.reload();
		}
		catch (RuleFileException ex) {
			out.println("审核规则有误,本次不导入任何文件 (rules invalid, nothing imported): " + ex.getMessage());
			return 2;
		}
		if (inbox.scan().isEmpty()) {
			out.println("收件箱 " + inbox.root() + " 中没有新文件,无需导入。(nothing new in the inbox)");
			return 0;
		}
		JobExecution execution = jobOperator.start(importJob,
				new JobParametersBuilder().addLocalDateTime("startedAt", LocalDateTime.now()).toJobParameters());
		summary.print(execution, out);
		summary.printReports(reports.output().toAbsolutePath(), out);
		return execution.getStatus() == BatchStatus.COMPLETED ? 0 : 1;
	}

	/** Marks runs left STARTED by a killed process as failed, so their files are simply taken again. */
	private void recoverAbandonedRuns() {
		for (JobExecution running : jobRepository.findRunningJobExecutions(ImportJobConfiguration.JOB_NAME)) {
			log.warn("上次运行 #{} 未正常结束(进程被终止),标记为失败并继续 (run left running by a killed process, marked failed)",
					running.getId());
			jobOperator.recover(running);
		}
	}
}
