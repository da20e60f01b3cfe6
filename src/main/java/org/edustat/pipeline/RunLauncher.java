package org.edustat.pipeline;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Starts import runs, one at a time. A scheduled run is identified by its date, so a
 * trigger that fires twice starts one run; a manual launch while any run is going is told
 * so instead of starting another.
 */
@Component
public class RunLauncher {

	private static final Logger log = LoggerFactory.getLogger(RunLauncher.class);

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job importJob;

	/** Why a launch did not start while a run is going. */
	static final String ALREADY_GOING = "已有一次运行正在进行,本次未启动 (a run is already going)";

	private final ReentrantLock lock = new ReentrantLock();

	RunLauncher(JobOperator jobOperator, JobRepository jobRepository, @Qualifier("importJob") Job importJob) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.importJob = importJob;
	}

	/** What became of a launch: the execution that ran, or why none did. */
	public record Launch(Optional<JobExecution> execution, @Nullable String refusal) {

		static Launch ran(JobExecution execution) {
			return new Launch(Optional.of(execution), null);
		}

		static Launch refused(String why) {
			return new Launch(Optional.empty(), why);
		}
	}

	/** The nightly run of a date: at most one per date, whatever fires it. */
	public Launch scheduled(LocalDate runDate) {
		return launch(new JobParametersBuilder().addLocalDate("runDate", runDate).toJobParameters(), "定时运行 " + runDate);
	}

	/** Restarts a failed or stopped run from where it stopped, unless a run is going. */
	public Launch restart(long executionId) {
		if (!lock.tryLock()) {
			return Launch.refused(ALREADY_GOING);
		}
		try {
			if (!jobRepository.findRunningJobExecutions(ImportJobConfiguration.JOB_NAME).isEmpty()) {
				return Launch.refused(ALREADY_GOING);
			}
			log.info("重新运行 #{} (restarting run)", executionId);
			JobExecution failed = jobRepository.getJobExecution(executionId);
			if (failed == null) {
				return Launch.refused("没有运行 #" + executionId + " (no such run)");
			}
			return Launch.ran(jobOperator.restart(failed));
		}
		catch (Exception ex) {
			log.error("运行 #{} 无法重新运行 (cannot restart)", executionId, ex);
			return Launch.refused("运行 #" + executionId + " 无法重新运行 (cannot restart): " + ex.getMessage());
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * A statistician's launch from the web: started on its own thread; waits at most a
	 * few seconds to tell whether it started, ended at once, or was refused, and says so
	 * in Chinese.
	 */
	public String manualInBackground(String by) {
		Collection<JobExecution> going = running();
		if (!going.isEmpty()) {
			return "已有一次运行正在进行(运行 #" + going.iterator().next().getId() + "),本次未启动;请等它结束后再运行";
		}
		CompletableFuture<Launch> launch = CompletableFuture.supplyAsync(() -> manual(by));
		long deadline = System.currentTimeMillis() + 3000;
		while (!launch.isDone() && running().isEmpty() && System.currentTimeMillis() < deadline) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		Launch done = launch.getNow(null);
		Collection<JobExecution> started = running();
		if (done != null && done.refusal() != null) {
			return "本次未启动:" + done.refusal();
		}
		if (done != null && done.execution().isPresent()) {
			return "运行 #" + done.execution().get().getId() + " 已结束("
					+ RunStatus.label(done.execution().get().getStatus().name()) + ")";
		}
		return !started.isEmpty() ? "已启动运行 #" + started.iterator().next().getId() : "运行正在启动";
	}

	/** The runs going now. */
	public Collection<JobExecution> running() {
		return jobRepository.findRunningJobExecutions(ImportJobConfiguration.JOB_NAME);
	}

	/** A statistician's launch. */
	public Launch manual(String by) {
		return launch(new JobParametersBuilder().addLocalDateTime("startedAt", LocalDateTime.now())
			.addString("launchedBy", by, false)
			.toJobParameters(), "手动运行 (" + by + ")");
	}

	private Launch launch(JobParameters parameters, String what) {
		if (!lock.tryLock()) {
			return Launch.refused(ALREADY_GOING);
		}
		try {
			if (!jobRepository.findRunningJobExecutions(ImportJobConfiguration.JOB_NAME).isEmpty()) {
				return Launch.refused(ALREADY_GOING);
			}
			log.info("{} 开始 (run starting)", what);
			return Launch.ran(jobOperator.start(importJob, parameters));
		}
		catch (JobInstanceAlreadyCompleteException ex) {
			return Launch.refused("这一天的定时运行已经完成,不再重复 (this date's run already completed)");
		}
		catch (JobExecutionAlreadyRunningException ex) {
			return Launch.refused(ALREADY_GOING);
		}
		catch (Exception ex) {
			log.error("运行未能启动 (run could not start): {}", what, ex);
			return Launch.refused("运行未能启动 (run could not start): " + ex.getMessage());
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Marks runs left STARTED by a killed process as failed and restarts them from where
	 * they stopped (a restarted import takes the files still in the inbox; nothing is
	 * loaded twice).
	 */
	public List<JobExecution> recoverAndRestart() {
		List<JobExecution> restarted = new ArrayList<>();
		for (JobExecution running : jobRepository.findRunningJobExecutions(ImportJobConfiguration.JOB_NAME)) {
			log.warn("运行 #{} 未正常结束(进程被终止),标记为失败并从中断处重新运行 (run left by a killed process: restarting)", running.getId());
			JobExecution failed = jobOperator.recover(running);
			if (failed.getStatus() == BatchStatus.FAILED) {
				try {
					restarted.add(jobOperator.restart(failed));
				}
				catch (Exception ex) {
					log.error("运行 #{} 无法重新运行 (cannot restart)", running.getId(), ex);
				}
			}
		}
		return restarted;
	}

	/**
	 * Asks every run in progress to stop at its next chunk boundary and waits for it, at
	 * most the given time: what it recorded stays, the files it had not yet taken stay in
	 * the inbox for the next run, the reports are written by the next run that finds them
	 * due.
	 */
	public void stopRunning(Duration patience) {
		for (JobExecution running : jobRepository.findRunningJobExecutions(ImportJobConfiguration.JOB_NAME)) {
			try {
				jobOperator.stop(running);
				log.info("运行 #{} 在块边界停止 (run stopping at the next chunk boundary)", running.getId());
			}
			catch (Exception ex) {
				log.warn("运行 #{} 无法停止 (cannot stop): {}", running.getId(), ex.toString());
			}
		}
		long deadline = System.nanoTime() + patience.toNanos();
		while (!jobRepository.findRunningJobExecutions(ImportJobConfiguration.JOB_NAME).isEmpty()
				&& System.nanoTime() < deadline) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/**
	 * Whether the import ever ran with this database (a first start has no run to catch
	 * up).
	 */
	public boolean everRan() {
		return jobRepository.getLastJobInstance(ImportJobConfiguration.JOB_NAME) != null;
	}

	/**
	 * Whether a scheduled (nightly) run was ever launched here: a server that has never
	 * served has missed none, however many imports the command line ran before it.
	 */
	public boolean everScheduled() {
		for (JobInstance instance : jobRepository.findJobInstances(ImportJobConfiguration.JOB_NAME)) {
			JobExecution last = jobRepository.getLastJobExecution(instance);
			if (last != null && last.getJobParameters().getParameter("runDate") != null) {
				return true;
			}
		}
		return false;
	}

	/** Whether the run of this date has completed. */
	public boolean completed(LocalDate runDate) {
		JobExecution last = jobRepository.getLastJobExecution(ImportJobConfiguration.JOB_NAME,
				new JobParametersBuilder().addLocalDate("runDate", runDate).toJobParameters());
		return last != null && last.getStatus() == BatchStatus.COMPLETED;
	}

}
