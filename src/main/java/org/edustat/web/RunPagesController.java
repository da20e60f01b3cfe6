package org.edustat.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.edustat.core.Severity;
import org.edustat.ledger.FileStatus;
import org.edustat.ledger.Ledger;
import org.edustat.ledger.LedgerEntry;
import org.edustat.ledger.LedgerReadings;
import org.edustat.load.Coverage;
import org.edustat.pipeline.RunLauncher;
import org.edustat.pipeline.RunStatus;
import org.edustat.season.Act;
import org.edustat.season.AuditTrail;
import org.edustat.users.EdustatUser;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 任务: the runs, a launch, and one run's steps, files, refusals and reports. */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Controller
class RunPagesController {

	private final RunRows runs;

	private final RunLauncher launcher;

	private final Ledger ledger;

	private final LedgerReadings readings;

	private final Downloads downloads;

	private final Coverage coverage;

	private final AuditTrail audit;

	RunPagesController(RunRows runs, RunLauncher launcher, Ledger ledger, LedgerReadings readings, Downloads downloads,
			Coverage coverage, AuditTrail audit) {
		this.audit = audit;
		this.runs = runs;
		this.launcher = launcher;
		this.ledger = ledger;
		this.readings = readings;
		this.downloads = downloads;
		this.coverage = coverage;
	}

	@GetMapping("/runs")
	String runs(@AuthenticationPrincipal EdustatUser user, Model model) {
		model.addAttribute("runs", runs.latest(30));
		model.addAttribute("user", user);
		return "runs";
	}

	@PostMapping("/runs")
	String launch(@AuthenticationPrincipal EdustatUser user, HttpServletRequest request, RedirectAttributes redirect) {
		if (!user.runsTheCity()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "区县用户不能启动全市的运行");
		}
		String message = launcher.manualInBackground(user.getUsername());
		audit.record(Act.RUN_LAUNCHED, user.getUsername(), request.getRemoteAddr(), null, null, null, message);
		redirect.addFlashAttribute("message", message);
		return "redirect:/runs";
	}

	/**
	 * One run: its steps, its files with what became of each, its refusals and the
	 * reports it wrote.
	 */
	@GetMapping("/runs/{id}")
	String run(@AuthenticationPrincipal EdustatUser user, @PathVariable long id, Model model) {
		Map<String, Object> run = runs.one(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有运行 #" + id));
		List<LedgerEntry> files = ledger.forJobExecution(id)
			.stream()
			.filter(e -> e.districtCode() == null ? user.district() == null : user.sees(e.districtCode()))
			.toList();
		List<LedgerReadings.FileFinding> refusals = readings.findings(id, FileStatus.REJECTED, Severity.ERROR)
			.stream()
			.filter(r -> files.stream().anyMatch(f -> r.file().startsWith(f.receivedPath())))
			.toList();
		Instant start = RunStatus.instant(run.get("START_TIME"));
		Instant end = RunStatus.instant(run.get("END_TIME"));
		List<Downloads.Item> reports = downloads.visibleTo(user)
			.stream()
			.filter(i -> i.kind().equals("报表") && start != null && i.modified() != null && !i.modified().isBefore(start)
					&& (end == null || !i.modified().isAfter(end.plusSeconds(1))))
			.toList();
		model.addAttribute("run", run);
		model.addAttribute("steps", runs.steps(id));
		model.addAttribute("files", files);
		model.addAttribute("refusals", refusals);
		model.addAttribute("reports", reports);
		model.addAttribute("districts", coverage.districtNames());
		model.addAttribute("user", user);
		return "run";
	}

}
