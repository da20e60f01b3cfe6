package org.edustat.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

import org.edustat.core.Period;
import org.edustat.demo.DemoInbox;
import org.edustat.testing.Workbooks;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Server mode: a run per date whatever fires it, one run at a time, a missed nightly run
 * caught up once at start.
 */
@SpringBootTest
class ServerModeIntegrationTests {

	static final Path ROOT = ImportJobIntegrationTestsSupport.tempRoot("edustat-server");

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:server-tests;DB_CLOSE_DELAY=-1");
		registry.add("edustat.intake.inbox", () -> ROOT.resolve("input").toString());
		registry.add("edustat.intake.archive", () -> ROOT.resolve("archive").toString());
		registry.add("edustat.reports.output", () -> ROOT.resolve("output").toString());
		registry.add("edustat.schedule.cron", () -> "0 0 2 * * *");
	}

	@Autowired
	RunLauncher launcher;

	@Autowired
	NightlySchedule schedule;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aTriggerThatFiresTwiceForADateStartsOneRun() throws Exception {
		LocalDate date = LocalDate.of(2030, 1, 1);
		CountDownLatch start = new CountDownLatch(1);
		CompletableFuture<RunLauncher.Launch> first = CompletableFuture
			.supplyAsync(() -> await(start, () -> launcher.scheduled(date)));
		CompletableFuture<RunLauncher.Launch> second = CompletableFuture
			.supplyAsync(() -> await(start, () -> launcher.scheduled(date)));
		start.countDown();
		List<RunLauncher.Launch> launches = List.of(first.get(), second.get(), launcher.scheduled(date));
		assertThat(launches).filteredOn(l -> l.execution().isPresent())
			.hasSize(1)
			.allSatisfy(l -> assertThat(l.execution().get().getStatus()).isEqualTo(BatchStatus.COMPLETED));
		assertThat(launches.get(2).refusal()).isEqualTo("这一天的定时运行已经完成,不再重复 (this date's run already completed)");
		assertThat(instances(date)).isEqualTo(1);
	}

	@Test
	void aManualLaunchWhileARunIsGoingIsToldSo() throws Exception {
		new DemoInbox(ROOT.resolve("input"), Workbooks.SEED).writeSubmissions(60, Period.parse("2023H1"));
		CompletableFuture<RunLauncher.Launch> nightly = CompletableFuture
			.supplyAsync(() -> launcher.scheduled(LocalDate.of(2030, 2, 1)));
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (jobRepository.findRunningJobExecutions(ImportJobConfiguration.JOB_NAME).isEmpty() && !nightly.isDone()
				&& Instant.now().isBefore(deadline)) {
			Thread.sleep(5);
		}
		assertThat(nightly).as("the nightly run must still be going").isNotDone();
		RunLauncher.Launch manual = launcher.manual("统计员");
		assertThat(manual.execution()).isEmpty();
		assertThat(manual.refusal()).isEqualTo("已有一次运行正在进行,本次未启动 (a run is already going)");
		assertThat(nightly.get().execution().orElseThrow().getStatus()).isEqualTo(BatchStatus.COMPLETED);
	}

	@Test
	void aNightlyRunMissedWhileTheServerWasDownRunsOnceAtStart() {
		if (!launcher.everScheduled()) {
			assertThat(launcher.manual("测试").execution()).isPresent();
			assertThat(schedule.catchUp(ZonedDateTime.of(2030, 3, 5, 9, 0, 0, 0, ZONE)).refusal())
				.as("imports from the command line or by hand are no missed night")
				.isEqualTo("首次启动,没有错过的定时运行 (first start: no missed run)");
			assertThat(launcher.scheduled(LocalDate.of(2030, 3, 3)).execution()).isPresent();
		}
		ZonedDateTime morning = ZonedDateTime.of(2030, 3, 5, 9, 0, 0, 0, ZONE);
		assertThat(schedule.lastDueDate(morning)).isEqualTo(LocalDate.of(2030, 3, 5));
		assertThat(schedule.lastDueDate(morning.withHour(1))).isEqualTo(LocalDate.of(2030, 3, 4));
		RunLauncher.Launch caughtUp = schedule.catchUp(morning);
		assertThat(caughtUp.execution()).isPresent();
		assertThat(schedule.catchUp(morning.plusHours(1)).refusal()).isEqualTo("没有错过的定时运行 (no missed run)");
		assertThat(instances(LocalDate.of(2030, 3, 5))).isEqualTo(1);
	}

	private int instances(LocalDate date) {
		return jdbc.sql("""
				select count(distinct e.job_instance_id) from batch_job_execution e
				join batch_job_execution_params p on p.job_execution_id = e.job_execution_id
				where p.parameter_name = 'runDate' and p.parameter_value = ?""")
			.param(date.toString())
			.query(Integer.class)
			.single();
	}

	private static <T> T await(CountDownLatch latch, Supplier<T> action) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return action.get();
	}

}
