package org.edustat.web;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

import org.edustat.pipeline.RunLauncher;
import org.edustat.pipeline.RunProgress;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A run's live progress as server-sent events, and stopping or restarting it. */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Controller
class RunsController {

	private final RunProgress progress;

	private final JobRepository jobRepository;

	private final JobOperator jobOperator;

	private final RunLauncher launcher;

	RunsController(RunProgress progress, JobRepository jobRepository, JobOperator jobOperator, RunLauncher launcher) {
		this.progress = progress;
		this.jobRepository = jobRepository;
		this.jobOperator = jobOperator;
		this.launcher = launcher;
	}

	/** Sends the run's progress as an HTML fragment (event "progress") every 300 ms until the run has ended. */
	@GetMapping(path = "/runs/{id}/progress", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter progress(@PathVariable long id) {
		SseEmitter emitter = new SseEmitter(30 * 60 * 1000L);
		CompletableFuture.runAsync(() -> {
			try {
				while (true) {
					RunProgress.Snapshot snapshot = snapshot(id);
					emitter.send(SseEmitter.event().name("progress").data(fragment(id, snapshot)));
					if (snapshot.ended()) {
						emitter.complete();
						return;
					}
					Thread.sleep(300);
				}
			}
			catch (IOException | InterruptedException | IllegalStateException ex) {
				emitter.completeWithError(ex);
			}
		});
		return emitter;
	}

	private RunProgress.Snapshot snapshot(long id) {
		RunProgress.Snapshot live = progress.of(id);
		JobExecution execution = jobRepository.getJobExecution(id);
		boolean ended = execution == null || !execution.isRunning();
		if (live == null || ended && !live.ended()) {
			String status = execution == null ? "UNKNOWN" : execution.getStatus().name();
			return new RunProgress.Snapshot(live == null ? "" : live.step(), live == null ? 0 : live.total(),
					live == null ? 0 : live.total(), ended, status);
		}
		return live;
	}

	static String fragment(long id, RunProgress.Snapshot s) {
		String step = switch (s.step()) {
			case "submissions" -> "学校报表";
			case "referenceData" -> "参考数据";
			case "reports" -> "生成报表";
			case "loadRules" -> "读取审核规则";
			case "seedDistricts" -> "区县名单";
			default -> s.step();
		};
		String text = s.ended() ? "运行 #" + id + " 已结束 (" + s.status() + "),进度 100%"
				: "运行 #" + id + " " + step + ":" + s.done() + "/" + s.total() + " 个文件,进度 " + s.percent() + "%";
		return "<div class=\"progress\" data-percent=\"" + s.percent() + "\"><progress max=\"100\" value=\"" + s.percent()
				+ "\"></progress> <span>" + text + "</span></div>";
	}

	@PostMapping("/runs/{id}/stop")
	String stop(@PathVariable long id, RedirectAttributes redirect) {
		try {
			jobOperator.stop(id);
			redirect.addFlashAttribute("message", "已请求停止运行 #" + id);
		}
		catch (Exception ex) {
			redirect.addFlashAttribute("message", "无法停止运行 #" + id + ":" + ex.getMessage());
		}
		return "redirect:/runs";
	}

	@PostMapping("/runs/{id}/restart")
	String restart(@PathVariable long id, RedirectAttributes redirect) {
		CompletableFuture.runAsync(() -> launcher.restart(id));
		redirect.addFlashAttribute("message", "已请求重新运行 #" + id);
		return "redirect:/runs";
	}
}
