package org.edustat.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.edustat.intake.FileStatus;
import org.edustat.intake.Ledger;
import org.edustat.pipeline.RunLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The pages of the web UI: 总览, 任务, 报表, 文件. */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Controller
class PagesController {

	private final JdbcClient jdbc;

	private final Ledger ledger;

	private final Downloads downloads;

	private final RunLauncher launcher;

	private final JobRepository jobRepository;

	PagesController(JdbcClient jdbc, Ledger ledger, Downloads downloads, RunLauncher launcher, JobRepository jobRepository) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.downloads = downloads;
		this.launcher = launcher;
		this.jobRepository = jobRepository;
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}

	@GetMapping("/")
	String overview(@AuthenticationPrincipal EdustatUser user, Model model) {
		List<Map<String, Object>> periods = jdbc.sql("""
				select s.period, d.name, s.district_code, count(*) as reported,
				  (select count(*) from school_registry r where r.district_code = s.district_code and r.status = '正常') as expected,
				  (select count(*) from inbox_file f where f.period = s.period and f.district_code = s.district_code
				     and f.status = '已退回') as rejected
				from submission s left join district d on d.code = s.district_code
				group by s.period, d.name, s.district_code order by s.period desc, s.district_code""").query().listOfRows();
		model.addAttribute("periods", periods.stream().filter(r -> user.sees((String) r.get("DISTRICT_CODE")))
			.map(this::withExpected).toList());
		model.addAttribute("reports", downloads.visibleTo(user).stream().filter(i -> i.kind().equals("报表")).toList());
		model.addAttribute("runs", runs(5));
		model.addAttribute("user", user);
		return "overview";
	}

	@GetMapping("/runs")
	String runs(@AuthenticationPrincipal EdustatUser user, Model model) {
		model.addAttribute("runs", runs(30));
		model.addAttribute("user", user);
		return "runs";
	}

	@PostMapping("/runs")
	String launch(@AuthenticationPrincipal EdustatUser user, RedirectAttributes redirect) {
		if (!user.runsTheCity()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "区县用户不能启动全市的运行");
		}
		var going = jobRepository.findRunningJobExecutions("importJob");
		if (!going.isEmpty()) {
			redirect.addFlashAttribute("message", "已有一次运行正在进行(运行 #" + going.iterator().next().getId() + "),本次未启动;"
					+ "请等它结束后再运行");
			return "redirect:/runs";
		}
		CompletableFuture<RunLauncher.Launch> launch = CompletableFuture.supplyAsync(() -> launcher.manual(user.getUsername()));
		long deadline = System.currentTimeMillis() + 3000;
		while (!launch.isDone() && jobRepository.findRunningJobExecutions("importJob").isEmpty()
				&& System.currentTimeMillis() < deadline) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		RunLauncher.Launch done = launch.getNow(null);
		var started = jobRepository.findRunningJobExecutions("importJob");
		String message = done != null && done.refusal() != null ? "本次未启动:" + done.refusal()
				: done != null && done.execution().isPresent() ? "运行 #" + done.execution().get().getId() + " 已结束("
						+ RunStatus.label(done.execution().get().getStatus().name()) + ")"
						: !started.isEmpty() ? "已启动运行 #" + started.iterator().next().getId() : "运行正在启动";
		redirect.addFlashAttribute("message", message);
		return "redirect:/runs";
	}

	@GetMapping("/reports")
	String reports(@AuthenticationPrincipal EdustatUser user, Model model) {
		model.addAttribute("items", downloads.visibleTo(user));
		model.addAttribute("districts", districtNames());
		model.addAttribute("user", user);
		return "reports";
	}

	@GetMapping("/download/{id}")
	ResponseEntity<FileSystemResource> download(@AuthenticationPrincipal EdustatUser user, @PathVariable String id) {
		if (!id.matches("[0-9a-f]{32}")) {
			return ResponseEntity.notFound().build();
		}
		return downloads.find(user, id)
			.map(item -> ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename(item.name(), StandardCharsets.UTF_8).build().toString())
				.contentType(MediaType.parseMediaType(item.name().endsWith(".xls") ? "application/vnd.ms-excel"
						: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
				.body(new FileSystemResource(item.path())))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	@GetMapping("/files")
	String files(@AuthenticationPrincipal EdustatUser user, @RequestParam(required = false) String period,
			@RequestParam(required = false) String district, @RequestParam(required = false) String school,
			@RequestParam(required = false) String status, @RequestParam(defaultValue = "1") int page, Model model) {
		String scope = user.district() != null ? user.district() : blank(district);
		FileStatus wanted = blank(status) == null ? null : FileStatus.ofLabel(status);
		int shown = Math.max(1, page);
		List<org.edustat.intake.LedgerEntry> entries = ledger.search(blank(period), scope, blank(school), wanted, PAGE * shown + 1);
		model.addAttribute("entries", entries.subList(Math.min(entries.size(), PAGE * (shown - 1)), Math.min(entries.size(), PAGE * shown)));
		model.addAttribute("page", shown);
		model.addAttribute("more", entries.size() > PAGE * shown);
		model.addAttribute("statuses", FileStatus.values());
		model.addAttribute("periods", jdbc.sql("select distinct period from inbox_file where period is not null order by period desc")
			.query(String.class).list());
		Map<String, String> names = districtNames();
		model.addAttribute("districts", user.district() == null ? names
				: Map.of(user.district(), names.getOrDefault(user.district(), user.district())));
		model.addAttribute("user", user);
		return "files";
	}

	/** Ledger entries a page of 文件 shows. */
	static final int PAGE = 100;

	private List<Map<String, Object>> runs(int limit) {
		return jdbc.sql("""
				select e.job_execution_id as id, e.status, e.start_time, e.end_time, e.exit_message,
				  coalesce(c.files, (select count(*) from inbox_file f where f.job_execution_id = e.job_execution_id)) as files,
				  coalesce(c.loaded, (select count(*) from inbox_file f where f.job_execution_id = e.job_execution_id
				    and f.status = '已入库')) as loaded,
				  coalesce(c.rejected, (select count(*) from inbox_file f where f.job_execution_id = e.job_execution_id
				    and f.status = '已退回')) as rejected
				from batch_job_execution e left join run_count c on c.job_execution_id = e.job_execution_id
				order by e.job_execution_id desc fetch first %d rows only""".formatted(limit))
			.query().listOfRows().stream().map(PagesController::readable).toList();
	}

	/** A run's row as a person reads it: status and error in Chinese, times to the second. */
	private static Map<String, Object> readable(Map<String, Object> row) {
		Map<String, Object> shown = new java.util.HashMap<>(row);
		shown.put("STATUS_LABEL", RunStatus.label(String.valueOf(row.get("STATUS"))));
		shown.put("START", RunStatus.time(row.get("START_TIME")));
		shown.put("END", RunStatus.time(row.get("END_TIME")));
		shown.put("ERROR", RunStatus.error((String) row.get("EXIT_MESSAGE")));
		return shown;
	}

	/**
	 * A row with its 应报 as the contract says: the registry's schools in state 正常 or, without a registry, the schools
	 * loaded for this period or for the same period last year.
	 */
	private Map<String, Object> withExpected(Map<String, Object> row) {
		if (((Number) row.get("EXPECTED")).longValue() > 0) {
			return row;
		}
		String period = (String) row.get("PERIOD");
		String lastYear = org.edustat.core.Period.parse(period).sameLastYear().code();
		Map<String, Object> shown = new java.util.HashMap<>(row);
		shown.put("EXPECTED", jdbc.sql("select count(distinct school_id) from submission where district_code = ? and period in (?, ?)")
			.params(row.get("DISTRICT_CODE"), period, lastYear).query(Long.class).single());
		return shown;
	}

	/** The 区县 codes with their names (the city included). */
	private Map<String, String> districtNames() {
		Map<String, String> names = new java.util.LinkedHashMap<>();
		jdbc.sql("select code, name from district order by code").query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
			.forEach(e -> names.put(e.getKey(), e.getValue()));
		return names;
	}

	/** One run: its steps, its files with what became of each, its refusals and the reports it wrote. */
	@GetMapping("/runs/{id}")
	String run(@AuthenticationPrincipal EdustatUser user, @org.springframework.web.bind.annotation.PathVariable long id, Model model) {
		List<Map<String, Object>> found = runs(1_000).stream().filter(r -> ((Number) r.get("ID")).longValue() == id).toList();
		if (found.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有运行 #" + id);
		}
		Map<String, Object> run = found.get(0);
		List<Map<String, Object>> steps = jdbc.sql("""
				select step_name, status, read_count, write_count, write_skip_count, start_time, end_time
				from batch_step_execution where job_execution_id = ? order by step_execution_id""").param(id).query().listOfRows()
			.stream().map(row -> {
				Map<String, Object> shown = new java.util.HashMap<>(row);
				shown.put("STEP", RunStatus.step((String) row.get("STEP_NAME")));
				shown.put("STATUS_LABEL", RunStatus.label(String.valueOf(row.get("STATUS"))));
				shown.put("START", RunStatus.time(row.get("START_TIME")));
				shown.put("END", RunStatus.time(row.get("END_TIME")));
				return shown;
			}).toList();
		List<org.edustat.intake.LedgerEntry> files = ledger.forJobExecution(id).stream()
			.filter(e -> e.districtCode() == null ? user.district() == null : user.sees(e.districtCode()))
			.toList();
		List<Map<String, Object>> refusals = jdbc.sql("""
				select f.received_path, f.school_name, d.cell, d.code, d.message from finding d join inbox_file f on f.id = d.file_id
				where f.job_execution_id = ? and f.status = '已退回' and d.severity = '错误' order by f.id, d.id""").param(id)
			.query().listOfRows();
		java.time.Instant start = toInstant(run.get("START_TIME"));
		java.time.Instant end = toInstant(run.get("END_TIME"));
		List<Downloads.Item> reports = downloads.visibleTo(user).stream()
			.filter(i -> i.kind().equals("报表") && start != null && i.modified() != null && !i.modified().isBefore(start)
					&& (end == null || !i.modified().isAfter(end.plusSeconds(1))))
			.toList();
		model.addAttribute("run", run);
		model.addAttribute("steps", steps);
		model.addAttribute("files", files);
		model.addAttribute("refusals", refusals.stream().filter(r -> files.stream().anyMatch(f -> f.receivedPath().equals(r.get("RECEIVED_PATH"))))
			.toList());
		model.addAttribute("reports", reports);
		model.addAttribute("districts", districtNames());
		model.addAttribute("user", user);
		return "run";
	}

	private static java.time.Instant toInstant(Object value) {
		if (value instanceof java.sql.Timestamp timestamp) {
			return timestamp.toInstant();
		}
		if (value instanceof java.time.LocalDateTime time) {
			return time.atZone(java.time.ZoneId.systemDefault()).toInstant();
		}
		return null;
	}

	@GetMapping("/missing")
	String missing(@AuthenticationPrincipal EdustatUser user, @RequestParam String period, @RequestParam String district,
			Model model) {
		if (!user.sees(district)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		List<Map<String, Object>> schools = jdbc.sql("""
				select r.school_id, r.school_name, r.school_type from school_registry r
				where r.district_code = ? and r.status = '正常'
				  and not exists (select 1 from submission s where s.school_id = r.school_id and s.period = ?)
				order by r.school_id""").params(district, period).query().listOfRows();
		model.addAttribute("schools", schools);
		model.addAttribute("period", period);
		model.addAttribute("districtName", districtNames().getOrDefault(district, district));
		model.addAttribute("user", user);
		return "missing";
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
