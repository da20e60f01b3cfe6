package org.edustat.pipeline;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * Launching runs, one at a time, told in Chinese: without a container, the job repository
 * and operator mocked.
 */
class RunLauncherTests {

	private final JobRepository repository = mock(JobRepository.class);

	private final JobOperator operator = mock(JobOperator.class);

	private final Job job = mock(Job.class);

	private final RunLauncher launcher = new RunLauncher(operator, repository, job);

	@Test
	void aLaunchWhileARunIsGoingIsRefusedNamingThatRun() throws Exception {
		JobExecution going = mock(JobExecution.class);
		given(going.getId()).willReturn(12L);
		given(repository.findRunningJobExecutions(ImportJobConfiguration.JOB_NAME)).willReturn(Set.of(going));

		assertThat(launcher.manualInBackground("stat")).isEqualTo("已有一次运行正在进行(运行 #12),本次未启动;请等它结束后再运行");
		assertThat(launcher.manual("stat").refusal()).isEqualTo(RunLauncher.ALREADY_GOING);
		verify(operator, never()).start(any(Job.class), any());
	}

	@Test
	void aRunThatEndsAtOnceIsReportedWithItsStatusInChinese() throws Exception {
		JobExecution ended = mock(JobExecution.class);
		given(ended.getId()).willReturn(3L);
		given(ended.getStatus()).willReturn(BatchStatus.COMPLETED);
		given(repository.findRunningJobExecutions(ImportJobConfiguration.JOB_NAME)).willReturn(Set.of());
		given(operator.start(any(Job.class), any())).willReturn(ended);

		assertThat(launcher.manualInBackground("stat")).isEqualTo("运行 #3 已结束(已完成)");
	}

	@Test
	void aRestartOfARunThatDoesNotExistSaysSo() {
		given(repository.findRunningJobExecutions(ImportJobConfiguration.JOB_NAME)).willReturn(Set.of());
		assertThat(launcher.restart(404).refusal()).isEqualTo("没有运行 #404 (no such run)");
	}

}
