package org.edustat.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;

import org.edustat.users.EdustatUser;
import org.edustat.users.Role;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

/** What the 任务 page says: a refused launch and why, stop of an ended run, restart of a failed one — in Chinese. */
@SpringBootTest
@AutoConfigureMockMvc
class RunsPageIntegrationTests {

	static final EdustatUser STATISTICIAN = new EdustatUser("stat", "x", true, Role.STATISTICIAN, null);

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws Exception {
		Path root = Files.createTempDirectory("edustat-runs-page");
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:runs-page;DB_CLOSE_DELAY=-1");
		registry.add("edustat.intake.inbox", () -> root.resolve("input").toString());
		registry.add("edustat.intake.archive", () -> root.resolve("archive").toString());
		registry.add("edustat.reports.output", () -> root.resolve("output").toString());
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JobRepository jobRepository;

	@Test
	void aLaunchWhileARunIsGoingIsRefusedAndSaysWhy() throws Exception {
		long deadline = System.nanoTime() + 30_000_000_000L;
		while (!jobRepository.findRunningJobExecutions("importJob").isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		JobExecution going = execution("going", BatchStatus.STARTED);
		try {
			mvc.perform(post("/runs").with(user(STATISTICIAN)).with(csrf()))
				.andExpect(flash().attribute("message", "已有一次运行正在进行(运行 #" + going.getId() + "),本次未启动;请等它结束后再运行"));
		}
		finally {
			end(going, BatchStatus.FAILED);
		}
	}

	@Test
	void stoppingARunThatHasEndedSaysSo() throws Exception {
		JobExecution done = execution("done", BatchStatus.COMPLETED);
		end(done, BatchStatus.COMPLETED);
		mvc.perform(post("/runs/" + done.getId() + "/stop").with(user(STATISTICIAN)).with(csrf()))
			.andExpect(flash().attribute("message", "运行 #" + done.getId() + " 已结束(已完成),无需停止"));
		mvc.perform(post("/runs/999999/stop").with(user(STATISTICIAN)).with(csrf()))
			.andExpect(flash().attribute("message", "没有运行 #999999"));
	}

	@Test
	void restartingAFailedRunSaysItGoesOnFromWhereItStoppedAndACompletedOneNeedsNone() throws Exception {
		JobExecution failed = execution("failed", BatchStatus.STARTED);
		end(failed, BatchStatus.FAILED);
		mvc.perform(post("/runs/" + failed.getId() + "/restart").with(user(STATISTICIAN)).with(csrf()))
			.andExpect(flash().attribute("message", "运行 #" + failed.getId() + " 已从中断处重新运行(已登记的文件不会重复处理)"));
		JobExecution completed = execution("completed", BatchStatus.STARTED);
		end(completed, BatchStatus.COMPLETED);
		mvc.perform(post("/runs/" + completed.getId() + "/restart").with(user(STATISTICIAN)).with(csrf()))
			.andExpect(flash().attribute("message", "运行 #" + completed.getId() + " 已完成,无需重新运行;要导入新文件请点「立即运行」"));
	}

	@Test
	void statusesReadInChineseAndTimesToTheSecond() throws Exception {
		JobExecution failed = execution("shown", BatchStatus.STARTED);
		end(failed, BatchStatus.FAILED);
		String page = mvc.perform(get("/runs").with(user(STATISTICIAN))).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("失败").doesNotContain(">FAILED<").doesNotContain(">COMPLETED<");
		assertThat(page).containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}<").doesNotContainPattern("\\d{2}:\\d{2}:\\d{2}\\.\\d+");
	}

	private JobExecution execution(String run, BatchStatus status) {
		var parameters = new JobParametersBuilder().addString("test", run + System.nanoTime()).toJobParameters();
		var instance = jobRepository.createJobInstance("importJob", parameters);
		JobExecution execution = jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
		execution.setStartTime(LocalDateTime.now());
		execution.setStatus(status);
		jobRepository.update(execution);
		return execution;
	}

	private void end(JobExecution execution, BatchStatus status) {
		execution.setStatus(status);
		execution.setEndTime(LocalDateTime.now());
		jobRepository.update(execution);
	}
}
