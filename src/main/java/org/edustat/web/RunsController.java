package org.edustat.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import org.edustat.ledger.LedgerReadings;
import org.edustat.pipeline.RunLauncher;
import org.edustat.pipeline.RunProgress;
import org.edustat.pipeline.RunStatus;
import org.edustat.season.Act;
import org.edustat.season.AuditTrail;
import org.edustat.users.EdustatUser;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A run's live progress as server-sent events, and stopping or restarting it. */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Controller
class RunsController {

	/** How often an open page is sent its run's progress. */
	private static final Duration PROGRESS_EVERY = Duration.ofMillis(300);

	private final RunProgress progress;

	private final LedgerReadings ledger;

	private final JobRepository jobRepository;

	private final JobOperator jobOperator;

	private final RunLauncher launcher;

	/**
	 * Sends every open page's progress: two threads for all watchers, not one busy thread
	 * each (a loop on the common fork-join pool, a single thread on two cores, held the
	 * pool and kept a second page, and the import's own parallel sorting, waiting).
	 */
	private final ThreadPoolTaskScheduler ticker = new ThreadPoolTaskScheduler();

	private final AuditTrail audit;

	RunsController(RunProgress progress, JobRepository jobRepository, JobOperator jobOperator, RunLauncher launcher,
			LedgerReadings ledger, AuditTrail audit) {
		this.audit = audit;
		this.progress = progress;
		this.ledger = ledger;
		this.jobRepository = jobRepository;
		this.jobOperator = jobOperator;
		this.launcher = launcher;
		ticker.setPoolSize(2);
		ticker.setThreadNamePrefix("run-progress-");
		ticker.setDaemon(true);
		ticker.initialize();
	}

	/**
	 * Sends the run's progress as an HTML fragment (event "progress") every 300 ms until
	 * the run has ended.
	 */
	@GetMapping(path = "/runs/{id}/progress", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter progress(@PathVariable long id, CsrfToken csrf) {
		SseEmitter emitter = new SseEmitter(30 * 60 * 1000L);
		CompletableFuture<ScheduledFuture<?>> self = new CompletableFuture<>();
		Runnable stop = () -> self.thenAccept(tick -> tick.cancel(false));
		emitter.onCompletion(stop);
		emitter.onTimeout(stop);
		emitter.onError(ex -> stop.run());
		self.complete(ticker.scheduleWithFixedDelay(() -> {
			try {
				RunProgress.Snapshot snapshot = snapshot(id);
				String counts = snapshot.ended() ? counts(id) : "";
				emitter.send(SseEmitter.event().name("progress").data(fragment(id, snapshot, csrf) + counts));
				if (snapshot.ended()) {
					emitter.complete();
					stop.run();
				}
			}
			catch (IOException | RuntimeException ex) {
				emitter.completeWithError(ex);
				stop.run();
			}
		}, PROGRESS_EVERY));
		return emitter;
	}

	@PreDestroy
	void shutdown() {
		ticker.shutdown();
	}

	private RunProgress.Snapshot snapshot(long id) {
		RunProgress.Snapshot live = progress.of(id);
		JobExecution execution = jobRepository.getJobExecution(id);
		boolean ended = execution == null || !execution.isRunning();
		if (live == null || ended && !live.ended()) {
			String status = execution == null ? "UNKNOWN" : execution.getStatus().name();
			int total = live == null ? 0 : live.total();
			return new RunProgress.Snapshot(live == null ? "" : live.step(),
					status.equals("COMPLETED") ? total : live == null ? 0 : live.done(), total, ended, status);
		}
		if (ended) {
			// a run that completed did all; one stopped or failed says how far it came
			int done = Objects.requireNonNull(execution).getStatus().name().equals("COMPLETED") ? live.total()
					: live.done();
			return new RunProgress.Snapshot(live.step(), done, live.total(), true, execution.getStatus().name());
		}
		return live;
	}

	/**
	 * The progress cell, and out of band the row's status and actions cells, so that a
	 * page left open follows the run to its end without a reload.
	 */
	static String fragment(long id, RunProgress.Snapshot s, CsrfToken csrf) {
		String step = RunStatus.step(s.step());
		String status = RunStatus.label(s.ended() ? s.status() : "STARTED");
		boolean completed = s.status() != null && s.status().equals("COMPLETED");
		String text = !s.ended()
				? "运行 #" + id + " " + step + ":" + s.done() + "/" + s.total() + " 个文件,进度 " + s.percent() + "%"
				: completed ? "运行 #" + id + " " + status + ",进度 100%"
						: "运行 #" + id + " " + status + ",停在" + step + ":" + s.done() + "/" + s.total() + " 个文件";
		boolean restartable = s.ended() && !completed && csrf != null;
		String actions = !s.ended() ? "" : "<span id=\"actions-" + id + "\" hx-swap-oob=\"true\">" + (restartable
				? "<form method=\"post\" action=\"/runs/" + id + "/restart\"><input type=\"hidden\" name=\""
						+ csrf.getParameterName() + "\" value=\"" + csrf.getToken() + "\"><button>重新运行</button></form>"
				: "") + "</span>";
		return "<div class=\"progress\" data-percent=\"" + s.percent() + "\"><progress max=\"100\" value=\""
				+ s.percent() + "\"></progress> <span>" + text + "</span></div>" + "<span id=\"status-" + id
				+ "\" hx-swap-oob=\"true\">" + status + "</span>" + actions;
	}

	/**
	 * The row's counts once the run has ended, out of band: the page shows them without a
	 * reload.
	 */
	private String counts(long id) {
		LedgerReadings.RunCounts counts = ledger.runCounts(id);
		return "<span id=\"files-" + id + "\" hx-swap-oob=\"true\">" + Objects.requireNonNull(counts).files()
				+ "</span>" + "<span id=\"loaded-" + id + "\" hx-swap-oob=\"true\">" + counts.loaded() + "</span>"
				+ "<span id=\"rejected-" + id + "\" hx-swap-oob=\"true\">" + counts.rejected() + "</span>";
	}

	@PostMapping("/runs/{id}/stop")
	String stop(@AuthenticationPrincipal EdustatUser user, @PathVariable long id, HttpServletRequest request,
			RedirectAttributes redirect) {
		cityWide(user);
		JobExecution execution = execution(id);
		if (execution == null) {
			redirect.addFlashAttribute("message", "没有运行 #" + id);
		}
		else if (!execution.isRunning()) {
			redirect.addFlashAttribute("message",
					"运行 #" + id + " 已结束(" + RunStatus.label(execution.getStatus().name()) + "),无需停止");
		}
		else {
			try {
				jobOperator.stop(execution);
				audit.record(Act.RUN_STOPPED, user.getUsername(), request.getRemoteAddr(), null, null, null,
						"运行 #" + id);
				redirect.addFlashAttribute("message", "已请求停止运行 #" + id + ",它将在处理完当前一批文件后停止,之后可以重新运行");
			}
			catch (Exception ex) {
				redirect.addFlashAttribute("message", "运行 #" + id + " 已结束,无需停止");
			}
		}
		return "redirect:/runs";
	}

	@PostMapping("/runs/{id}/restart")
	String restart(@AuthenticationPrincipal EdustatUser user, @PathVariable long id, HttpServletRequest request,
			RedirectAttributes redirect) {
		cityWide(user);
		JobExecution execution = execution(id);
		if (execution == null) {
			redirect.addFlashAttribute("message", "没有运行 #" + id);
		}
		else if (execution.isRunning()) {
			redirect.addFlashAttribute("message", "运行 #" + id + " 正在进行,不能重新运行");
		}
		else if (execution.getStatus() == BatchStatus.COMPLETED) {
			redirect.addFlashAttribute("message", "运行 #" + id + " 已完成,无需重新运行;要导入新文件请点「立即运行」");
		}
		else if (!jobRepository.findRunningJobExecutions(execution.getJobInstance().getJobName()).isEmpty()) {
			redirect.addFlashAttribute("message", "已有一次运行正在进行,运行 #" + id + " 本次未重新运行");
		}
		else {
			CompletableFuture.runAsync(() -> launcher.restart(id));
			audit.record(Act.RUN_LAUNCHED, user.getUsername(), request.getRemoteAddr(), null, null, null,
					"重新运行 #" + id);
			redirect.addFlashAttribute("message", "运行 #" + id + " 已从中断处重新运行(已登记的文件不会重复处理)");
		}
		return "redirect:/runs";
	}

	private @Nullable JobExecution execution(long id) {
		try {
			return jobRepository.getJobExecution(id);
		}
		catch (DataAccessException ex) {
			return null;
		}
	}

	private static void cityWide(EdustatUser user) {
		if (user == null || !user.runsTheCity()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "区县用户不能停止或重新运行全市的运行");
		}
	}

}
