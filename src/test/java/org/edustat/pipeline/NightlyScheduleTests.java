package org.edustat.pipeline;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The nightly schedule's catch-up: a run missed while the server was down runs once; a
 * first start has missed nothing.
 */
class NightlyScheduleTests {

	static final ZonedDateTime MORNING = ZonedDateTime.of(2030, 3, 5, 9, 0, 0, 0, ZoneId.of("Asia/Shanghai"));

	@Test
	void aFirstStartRunsNoMissedNightlyRunEvenAfterImportsFromTheCommandLine() {
		RunLauncher launcher = mock(RunLauncher.class);
		when(launcher.everRan()).thenReturn(true);
		when(launcher.everScheduled()).thenReturn(false);
		NightlySchedule schedule = new NightlySchedule(launcher,
				new ScheduleProperties("0 0 2 * * *", "Asia/Shanghai"));
		assertThat(schedule.catchUp(MORNING).refusal()).isEqualTo("首次启动,没有错过的定时运行 (first start: no missed run)");
		verify(launcher, never()).scheduled(any());
	}

	@Test
	void aServerThatRanBeforeCatchesUpTheRunItMissed() {
		RunLauncher launcher = mock(RunLauncher.class);
		when(launcher.everRan()).thenReturn(true);
		when(launcher.everScheduled()).thenReturn(true);
		when(launcher.completed(LocalDate.of(2030, 3, 5))).thenReturn(false);
		when(launcher.scheduled(LocalDate.of(2030, 3, 5))).thenReturn(new RunLauncher.Launch(Optional.empty(), null));
		NightlySchedule schedule = new NightlySchedule(launcher,
				new ScheduleProperties("0 0 2 * * *", "Asia/Shanghai"));
		schedule.catchUp(MORNING);
		verify(launcher).scheduled(LocalDate.of(2030, 3, 5));
	}

}
