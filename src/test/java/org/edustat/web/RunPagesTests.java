package org.edustat.web;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.edustat.pipeline.RunHistory;
import org.edustat.pipeline.RunLauncher;
import org.edustat.pipeline.RunProgress;
import org.edustat.season.Act;
import org.edustat.season.AuditTrail;
import org.edustat.users.EdustatUser;
import org.edustat.users.Role;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 任务 in the web slice alone: what a launch, a stop and a restart say, who may ask, and
 * how a run reads.
 */
@WebMvcTest({ RunPagesController.class, RunsController.class })
@Import(RunRows.class)
class RunPagesTests extends WebSliceTests {

	static final EdustatUser STATISTICIAN = new EdustatUser("stat", "x", true, Role.STATISTICIAN, null);

	static final EdustatUser DISTRICT = new EdustatUser("dong", "x", true, Role.STATISTICIAN, "990102");

	@MockitoBean
	JobRepository jobRepository;

	@MockitoBean
	JobOperator jobOperator;

	@MockitoBean
	RunLauncher launcher;

	@MockitoBean
	RunProgress progress;

	@MockitoBean
	RunHistory history;

	@MockitoBean
	Downloads downloads;

	@MockitoBean
	AuditTrail audit;

	@Test
	void aLaunchSaysWhatTheLauncherSaid() throws Exception {
		given(launcher.manualInBackground("stat")).willReturn("已有一次运行正在进行(运行 #7),本次未启动;请等它结束后再运行");
		mvc.perform(post("/runs").with(user(STATISTICIAN)).with(csrf()))
			.andExpect(flash().attribute("message", "已有一次运行正在进行(运行 #7),本次未启动;请等它结束后再运行"));
		verify(audit).record(Act.RUN_LAUNCHED, "stat", "127.0.0.1", null, null, null,
				"已有一次运行正在进行(运行 #7),本次未启动;请等它结束后再运行");
	}

	@Test
	void aDistrictStatisticianCannotLaunchStopOrRestart() throws Exception {
		mvc.perform(post("/runs").with(user(DISTRICT)).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/runs/3/stop").with(user(DISTRICT)).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/runs/3/restart").with(user(DISTRICT)).with(csrf())).andExpect(status().isForbidden());
		verify(launcher, never()).manualInBackground("dong");
	}

	@Test
	void stoppingARunThatHasEndedOrDoesNotExistSaysSo() throws Exception {
		JobExecution done = execution(5, BatchStatus.COMPLETED, false);
		given(jobRepository.getJobExecution(5L)).willReturn(done);
		mvc.perform(post("/runs/5/stop").with(user(STATISTICIAN)).with(csrf()))
			.andExpect(flash().attribute("message", "运行 #5 已结束(已完成),无需停止"));
		mvc.perform(post("/runs/999999/stop").with(user(STATISTICIAN)).with(csrf()))
			.andExpect(flash().attribute("message", "没有运行 #999999"));
		verify(jobOperator, never()).stop(done);
	}

	@Test
	void restartingAFailedRunGoesOnFromWhereItStoppedAndACompletedOneNeedsNone() throws Exception {
		JobExecution failed = execution(8, BatchStatus.FAILED, false);
		JobExecution completed = execution(9, BatchStatus.COMPLETED, false);
		given(jobRepository.getJobExecution(8L)).willReturn(failed);
		given(jobRepository.getJobExecution(9L)).willReturn(completed);
		mvc.perform(post("/runs/8/restart").with(user(STATISTICIAN)).with(csrf()))
			.andExpect(flash().attribute("message", "运行 #8 已从中断处重新运行(已登记的文件不会重复处理)"));
		verify(launcher, timeout(2000)).restart(8L);
		verify(audit).record(Act.RUN_LAUNCHED, "stat", "127.0.0.1", null, null, null, "重新运行 #8");
		mvc.perform(post("/runs/9/restart").with(user(STATISTICIAN)).with(csrf()))
			.andExpect(flash().attribute("message", "运行 #9 已完成,无需重新运行;要导入新文件请点「立即运行」"));
	}

	@Test
	void statusesReadInChineseAndTimesToTheSecond() throws Exception {
		given(history.runs(30)).willReturn(List.of(Map.of("ID", 4L, "STATUS", "FAILED", "START_TIME",
				Timestamp.valueOf(LocalDateTime.of(2023, 7, 1, 2, 0, 0, 123_000_000)), "FILES", 3L, "LOADED", 1L,
				"REJECTED", 2L)));
		String page = mvc.perform(get("/runs").with(user(STATISTICIAN))).andReturn().getResponse().getContentAsString();
		String shown = LocalDateTime.of(2023, 7, 1, 2, 0, 0)
			.atZone(ZoneId.systemDefault())
			.withZoneSameInstant(ZoneId.of("Asia/Shanghai"))
			.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
		assertThat(page).as("the repository's time in the configured zone")
			.contains("失败")
			.contains(shown + "<")
			.doesNotContain(">FAILED<");
		assertThat(page).doesNotContainPattern("\\d{2}:\\d{2}:\\d{2}\\.\\d+");
	}

	private static JobExecution execution(long id, BatchStatus status, boolean running) {
		JobExecution execution = mock(JobExecution.class);
		given(execution.getId()).willReturn(id);
		given(execution.getStatus()).willReturn(status);
		given(execution.isRunning()).willReturn(running);
		given(execution.getJobInstance()).willReturn(mock(JobInstance.class));
		return execution;
	}

}
