package org.edustat.web;

import org.edustat.pipeline.RunProgress;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.csrf.DefaultCsrfToken;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a page left open shows when its run ends: where a stopped run stopped, and the
 * buttons its state allows.
 */
class RunFragmentTests {

	static final DefaultCsrfToken TOKEN = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "t0k3n");

	@Test
	void aStoppedRunSaysWhereItStoppedAndOffersARestart() {
		String fragment = RunsController.fragment(7, new RunProgress.Snapshot("submissions", 120, 300, true, "STOPPED"),
				TOKEN);
		assertThat(fragment).contains("data-percent=\"40\"")
			.contains("运行 #7 已停止,停在学校报表:120/300 个文件")
			.doesNotContain("100%")
			.contains(
					"<form method=\"post\" action=\"/runs/7/restart\"><input type=\"hidden\" name=\"_csrf\" value=\"t0k3n\">"
							+ "<button>重新运行</button></form>");
	}

	@Test
	void aCompletedRunIsAtAHundredPercentWithNoButton() {
		String fragment = RunsController.fragment(8, new RunProgress.Snapshot("reports", 300, 300, true, "COMPLETED"),
				TOKEN);
		assertThat(fragment).contains("运行 #8 已完成,进度 100%")
			.contains("<span id=\"actions-8\" hx-swap-oob=\"true\"></span>");
	}

	@Test
	void aRunningRunKeepsItsButtons() {
		String fragment = RunsController.fragment(9, new RunProgress.Snapshot("submissions", 30, 300, false, "STARTED"),
				TOKEN);
		assertThat(fragment).contains("学校报表:30/300 个文件,进度 10%").doesNotContain("actions-9");
	}

}
