package org.edustat.pipeline.internal;

import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.edustat.examine.Examined;
import org.edustat.intake.InboxFile;
import org.edustat.ledger.FileStatus;
import org.edustat.ledger.Ledger;
import org.edustat.pipeline.RunProgress;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Logs a step's progress as files done out of files found, after each committed chunk.
 */
public class ProgressListener
		implements StepExecutionListener, ChunkListener<InboxFile, Examined>, JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(ProgressListener.class);

	private final RunProgress progress;

	private final Ledger ledger;

	private @Nullable StepExecution stepExecution;

	private @Nullable String step;

	private int done;

	public ProgressListener(RunProgress progress, Ledger ledger) {
		this.progress = progress;
		this.ledger = ledger;
	}

	@Override
	public void beforeJob(JobExecution jobExecution) {
		log.info("开始运行 (job started) {} #{}", jobExecution.getJobInstance().getJobName(), jobExecution.getId());
		progress.step(jobExecution.getId(), "starting");
	}

	@Override
	public void afterJob(JobExecution jobExecution) {
		Map<FileStatus, Long> counts = ledger.countsByStatus(jobExecution.getId());
		long files = counts.values().stream().mapToLong(Long::longValue).sum();
		log.info("运行结束 (job finished) {} #{}: {} — {} 个文件{}", jobExecution.getJobInstance().getJobName(),
				jobExecution.getId(), jobExecution.getStatus(), files,
				files == 0 ? ""
						: ": " + counts.entrySet()
							.stream()
							.map(e -> e.getKey().label() + " " + e.getValue())
							.collect(Collectors.joining(", ")));
		ledger.fixCounts(jobExecution.getId(), counts.getOrDefault(FileStatus.LOADED, 0L),
				counts.getOrDefault(FileStatus.REJECTED, 0L), files);
		progress.ended(jobExecution.getId(), jobExecution.getStatus().name());
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.stepExecution = stepExecution;
		step = stepExecution.getStepName();
		done = 0;
		progress.step(stepExecution.getJobExecutionId(), step);
	}

	@Override
	public void afterChunk(Chunk<Examined> chunk) {
		done += chunk.size();
		// files that arrive during the step and are taken by it count on top of those
		// waiting when it opened
		StepExecution execution = Objects.requireNonNull(stepExecution, "a chunk before its step");
		int total = Math.max(done, execution.getExecutionContext().getInt("inbox.total", done));
		progress.progress(execution.getJobExecutionId(), Objects.requireNonNull(step), done, total);
		log.info("{}: 已处理 {}/{} 个文件 (files done)", step, done, total);
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		return stepExecution.getExitStatus();
	}

}
