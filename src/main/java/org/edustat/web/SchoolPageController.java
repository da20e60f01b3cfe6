package org.edustat.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.edustat.core.Period;
import org.edustat.examine.JobFiles;
import org.edustat.indicators.Indicator;
import org.edustat.ledger.Ledger;
import org.edustat.ledger.LedgerEntry;
import org.edustat.reports.ComparativeReports;
import org.edustat.reports.SchoolFigures;
import org.edustat.season.Act;
import org.edustat.season.AuditTrail;
import org.edustat.season.SchoolPages;
import org.edustat.users.EdustatUser;
import org.edustat.users.Role;
import org.edustat.users.Users;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A page per school — the school's own (学校 accounts land there) and any school of a
 * user's 区县 — with its files, their 回执 and where it stands in each period; and everyone's
 * own password. A school reads nothing of another school: an id outside the user's reach
 * answers 404, as if it did not exist.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Controller
class SchoolPageController {

	private final SchoolPages pages;

	private final Ledger ledger;

	private final Downloads downloads;

	private final Users users;

	private final AuditTrail audit;

	private final ZoneId zone;

	/**
	 * A period's key figures of the school, as 学校明细 gives them, and its place in its 区县.
	 */
	record KeyFigures(String period, Map<String, BigDecimal> current, Map<String, BigDecimal> last,
			@Nullable Integer rank) {
	}

	private final ComparativeReports reports;

	private final JobFiles jobFiles;

	SchoolPageController(SchoolPages pages, Ledger ledger, Downloads downloads, Users users, AuditTrail audit,
			ComparativeReports reports, JobFiles jobFiles,
			@Value("${edustat.schedule.zone:Asia/Shanghai}") String zone) {
		this.reports = reports;
		this.jobFiles = jobFiles;
		this.pages = pages;
		this.ledger = ledger;
		this.downloads = downloads;
		this.users = users;
		this.audit = audit;
		this.zone = ZoneId.of(zone);
	}

	@GetMapping("/school")
	String own(@AuthenticationPrincipal EdustatUser user, Model model) {
		if (user.role() != Role.SCHOOL) {
			return "redirect:/";
		}
		return page(user, Objects.requireNonNull(user.school(), "a school account has its school"), model);
	}

	@GetMapping("/schools/{id}")
	String school(@AuthenticationPrincipal EdustatUser user, @PathVariable String id, Model model) {
		return page(user, id, model);
	}

	private String page(EdustatUser user, String id, Model model) {
		SchoolPages.SchoolPage page = pages.of(id)
			.filter(p -> user.seesSchool(p.id(), p.district()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("user", user);
		model.addAttribute("school", page);
		model.addAttribute("zone", zone);
		List<KeyFigures> figures = new ArrayList<>();
		for (SchoolPages.PeriodLine line : page.periods().subList(0, Math.min(page.periods().size(), 6))) {
			SchoolFigures f = reports.schoolFigures(Period.parse(line.period())).get(id);
			if (f != null) {
				figures.add(new KeyFigures(line.label(), f.current(), f.last(), f.rank()));
			}
		}
		model.addAttribute("figures", figures);
		model.addAttribute("decimals",
				jobFiles.catalogue()
					.indicators()
					.stream()
					.collect(Collectors.toMap(Indicator::code, Indicator::decimals, (a, b) -> a)));
		model.addAttribute("names",
				jobFiles.catalogue()
					.indicators()
					.stream()
					.collect(Collectors.toMap(Indicator::code, i -> i.name() + "（" + i.unit() + "）", (a, b) -> a)));
		return "school";
	}

	/** A school answers a warning of its loaded file with a 说明. */
	@PostMapping("/school/warnings/{finding}")
	String explain(@AuthenticationPrincipal EdustatUser user, @PathVariable long finding,
			@RequestParam(defaultValue = "") String explanation, HttpServletRequest request,
			RedirectAttributes redirect) {
		if (user.role() != Role.SCHOOL
				|| !pages.explain(Objects.requireNonNull(user.school(), "a school account has its school"), finding,
						explanation, user.getUsername(), request.getRemoteAddr())) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		redirect.addFlashAttribute("message", explanation.isBlank() ? "已删除说明" : "已保存说明");
		return "redirect:/school";
	}

	/** A file's 回执, for the school that sent it and the users of its 区县. */
	@GetMapping("/receipts/{fileId}")
	ResponseEntity<Resource> receipt(@AuthenticationPrincipal EdustatUser user, @PathVariable long fileId) {
		LedgerEntry entry = ledger.find(fileId)
			.filter(e -> e.schoolId() != null && user.seesSchool(e.schoolId(), e.districtCode()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Path file = downloads.receiptOf(entry.id())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(file.getFileName().toString(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.body(new FileSystemResource(file));
	}

	@GetMapping("/password")
	String passwordForm(@AuthenticationPrincipal EdustatUser user, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("email", users.email(user.getUsername()).orElse(""));
		return "password";
	}

	/** The address the user's daily notices go to (none: no notices). */
	@PostMapping("/email")
	String email(@AuthenticationPrincipal EdustatUser user, @RequestParam(defaultValue = "") String email,
			HttpServletRequest request, RedirectAttributes redirect) {
		String given = email.strip();
		if (!given.isEmpty() && (given.length() > 200 || !given.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
			redirect.addFlashAttribute("message", "未修改：邮箱地址格式不对");
			return "redirect:/password";
		}
		users.setEmail(user.getUsername(), given);
		audit.record(Act.USER_CHANGED, user.getUsername(), request.getRemoteAddr(), null, user.district(),
				user.school(), given.isEmpty() ? "删除了通知邮箱" : "设置了通知邮箱");
		redirect.addFlashAttribute("message", given.isEmpty() ? "已删除通知邮箱，不再收到通知" : "通知将发送到 " + given);
		return "redirect:/password";
	}

	@PostMapping("/password")
	String password(@AuthenticationPrincipal EdustatUser user, @RequestParam String current,
			@RequestParam String password, @RequestParam String again, HttpServletRequest request,
			RedirectAttributes redirect) {
		String problem = password.length() < 8 ? "新密码至少8位"
				: !password.equals(again) ? "两次输入的新密码不一致" : password.equals(current) ? "新密码不能与原密码相同"
						: !users.changeOwnPassword(user.getUsername(), current, password) ? "原密码不正确" : null;
		if (problem != null) {
			redirect.addFlashAttribute("message", "未修改：" + problem);
			return "redirect:/password";
		}
		audit.record(Act.USER_CHANGED, user.getUsername(), request.getRemoteAddr(), null, user.district(),
				user.school(), "修改了自己的密码");
		request.getSession().invalidate();
		return "redirect:/login?changed";
	}

}
