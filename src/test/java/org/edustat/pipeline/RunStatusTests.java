package org.edustat.pipeline;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run's error and times as the pages read them: Chinese words, never a bare Java class,
 * one time zone.
 */
class RunStatusTests {

	@Test
	void aStoppedRunSaysItStoppedOnRequestAndABareExceptionClassIsNotShown() {
		assertThat(RunStatus.error("org.springframework.batch.core.job.JobInterruptedException"))
			.isEqualTo("已按要求停止 (stopped on request)");
		assertThat(RunStatus.error("java.lang.OutOfMemoryError")).isEqualTo("运行出错,详见服务器日志 (OutOfMemoryError)");
		assertThat(RunStatus.error("java.lang.IllegalStateException: 收件箱无法读取")).isEqualTo("收件箱无法读取");
	}

	@Test
	void theRepositorysWallClockTimeIsShownInTheConfiguredZone() {
		TimeZone before = TimeZone.getDefault();
		try {
			TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
			assertThat(RunStatus.time(LocalDateTime.of(2026, 12, 6, 18, 0, 5), ZoneId.of("Asia/Shanghai")))
				.isEqualTo("2026-12-07 02:00:05");
		}
		finally {
			TimeZone.setDefault(before);
		}
	}

}
