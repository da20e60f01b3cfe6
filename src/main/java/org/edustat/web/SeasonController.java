package org.edustat.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.edustat.core.Period;
import org.edustat.load.Coverage;
import org.edustat.season.Deadlines;
import org.edustat.season.PeriodLocks;
import org.edustat.season.ReviewRefused;
import org.edustat.season.Reviews;
import org.edustat.users.EdustatUser;
import org.edustat.users.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 审核 (the season): a 区县 审核员's queue of its schools — pass, return with a reason, pass the
 * 区县 up — and the city's board of 区县 — pass, return, lock and unlock a period with a
 * reason; deadlines and the 催报 list. The audit trail is {@link AuditController}'s.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Controller
class SeasonController {

	private final Reviews reviews;

	private final PeriodLocks locks;

	private final Coverage coverage;

	private final Deadlines deadlines;

	SeasonController(Reviews reviews, PeriodLocks locks, Coverage coverage, Deadlines deadlines) {
		this.deadlines = deadlines;
		this.reviews = reviews;
		this.locks = locks;
		this.coverage = coverage;
	}

	@GetMapping("/season")
	String season(@AuthenticationPrincipal EdustatUser user, @RequestParam(required = false) String period,
			@RequestParam(required = false) String district, Model model) {
		List<Period> periods = coverage.periods();
		model.addAttribute("user", user);
		List<Period> newestFirst = new ArrayList<>(periods);
		Collections.reverse(newestFirst);
		model.addAttribute("periods", newestFirst);
		if (periods.isEmpty()) {
			return "season";
		}
		Period chosen = period == null ? periods.get(periods.size() - 1) : Period.parse(period);
		String shown = user.district() != null ? user.district() : district;
		model.addAttribute("period", chosen.code());
		model.addAttribute("periodLabel", chosen.label());
		model.addAttribute("district", shown);
		model.addAttribute("lock", locks.find(chosen.code()).orElse(null));
		model.addAttribute("districts", user.district() == null ? reviews.districts(chosen) : List.of());
		model.addAttribute("schools", shown == null ? List.of() : reviews.schools(chosen, shown));
		model.addAttribute("acts", user.role() != Role.VIEWER);
		model.addAttribute("names", coverage.districtNames());
		model.addAttribute("timeliness",
				deadlines.timeliness(chosen).stream().filter(t -> user.sees(t.district())).toList());
		model.addAttribute("deadline", deadlines.of(chosen.code(), shown).orElse(null));
		model.addAttribute("chase", shown == null ? List.of() : deadlines.chase(chosen, shown));
		return "season";
	}

	/** The 催报 list of a 区县 (a 区县 user's own; the city's any, or all) as a workbook. */
	@GetMapping("/season/chase.xlsx")
	ResponseEntity<byte[]> chase(@AuthenticationPrincipal EdustatUser user, @RequestParam String period,
			@RequestParam(required = false) String district) {
		String shown = user.district() != null ? user.district() : blank(district);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("催报_" + Period.parse(period).code() + (shown == null ? "" : "_" + shown) + ".xlsx",
								StandardCharsets.UTF_8)
						.build()
						.toString())
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.body(deadlines.chaseWorkbook(Period.parse(period), shown));
	}

	/** The city sets a period's 报送截止 (and 审核截止) for the whole city or one 区县. */
	@PostMapping("/season/deadline")
	String deadline(@AuthenticationPrincipal EdustatUser user, @RequestParam String period,
			@RequestParam(required = false) String district, @RequestParam String submitBy,
			@RequestParam(required = false) String reviewBy, HttpServletRequest request, RedirectAttributes redirect) {
		cityWide(user);
		return act(redirect, period, null, () -> {
			LocalDate by = date(submitBy);
			if (by == null) {
				throw new IllegalArgumentException("请填写报送截止日期");
			}
			deadlines.set(Period.parse(period).code(), blank(district), by, date(reviewBy), user.getUsername(),
					request.getRemoteAddr());
			return "已设置" + (blank(district) == null ? "全市" : "区县" + district.strip()) + "的报送截止日期：" + date(submitBy);
		});
	}

	private static @Nullable LocalDate date(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("日期格式应为 2024-07-15：" + text);
		}
	}

	@PostMapping("/season/schools/{school}/pass")
	String pass(@AuthenticationPrincipal EdustatUser user, @PathVariable String school, @RequestParam String period,
			HttpServletRequest request, RedirectAttributes redirect) {
		return act(redirect, period, null, () -> {
			reviews.pass(Period.parse(period), school, user.district(), user.getUsername(), request.getRemoteAddr());
			return "已审核通过：" + school;
		});
	}

	@PostMapping("/season/schools/{school}/return")
	String returnToSchool(@AuthenticationPrincipal EdustatUser user, @PathVariable String school,
			@RequestParam String period, @RequestParam(defaultValue = "") String reason, HttpServletRequest request,
			RedirectAttributes redirect) {
		return act(redirect, period, null, () -> {
			reviews.returnToSchool(Period.parse(period), school, reason, user.district(), user.getUsername(),
					request.getRemoteAddr());
			return "已退回：" + school + "（" + reason.strip() + "）";
		});
	}

	@PostMapping("/season/districts/{district}/submit")
	String submit(@AuthenticationPrincipal EdustatUser user, @PathVariable String district, @RequestParam String period,
			HttpServletRequest request, RedirectAttributes redirect) {
		return act(redirect, period, district, () -> {
			reviews.submitDistrict(Period.parse(period), district, user.district(), user.getUsername(),
					request.getRemoteAddr());
			return "区县" + district + "已上报";
		});
	}

	@PostMapping("/season/districts/{district}/pass")
	String passDistrict(@AuthenticationPrincipal EdustatUser user, @PathVariable String district,
			@RequestParam String period, HttpServletRequest request, RedirectAttributes redirect) {
		cityWide(user);
		return act(redirect, period, district, () -> {
			reviews.passDistrict(Period.parse(period), district, user.getUsername(), request.getRemoteAddr());
			return "区县" + district + "市审核通过";
		});
	}

	@PostMapping("/season/districts/{district}/return")
	String returnDistrict(@AuthenticationPrincipal EdustatUser user, @PathVariable String district,
			@RequestParam String period, @RequestParam(defaultValue = "") String reason, HttpServletRequest request,
			RedirectAttributes redirect) {
		cityWide(user);
		return act(redirect, period, district, () -> {
			reviews.returnDistrict(Period.parse(period), district, reason, user.getUsername(), request.getRemoteAddr());
			return "已退回区县" + district + "（" + reason.strip() + "）";
		});
	}

	@PostMapping("/season/lock")
	String lock(@AuthenticationPrincipal EdustatUser user, @RequestParam String period,
			@RequestParam(defaultValue = "") String reason, HttpServletRequest request, RedirectAttributes redirect) {
		cityWide(user);
		return act(redirect, period, null, () -> {
			locks.lock(Period.parse(period).code(), reason, user.getUsername(), request.getRemoteAddr());
			return "统计期" + period + "已锁定";
		});
	}

	@PostMapping("/season/unlock")
	String unlock(@AuthenticationPrincipal EdustatUser user, @RequestParam String period,
			@RequestParam(defaultValue = "") String reason, HttpServletRequest request, RedirectAttributes redirect) {
		cityWide(user);
		return act(redirect, period, null, () -> {
			locks.unlock(Period.parse(period).code(), reason, user.getUsername(), request.getRemoteAddr());
			return "统计期" + period + "已解锁";
		});
	}

	/** A parameter as given, or null when it is empty. */
	static @Nullable String blank(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private String act(RedirectAttributes redirect, String period, @Nullable String district, Supplier<String> work) {
		try {
			redirect.addFlashAttribute("message", work.get());
		}
		catch (ReviewRefused | IllegalArgumentException ex) {
			redirect.addFlashAttribute("message", "未执行：" + ex.getMessage());
		}
		redirect.addAttribute("period", period);
		if (district != null) {
			redirect.addAttribute("district", district);
		}
		return "redirect:/season";
	}

	private static void cityWide(EdustatUser user) {
		if (user.district() != null) {
			throw new AccessDeniedException("只有市级统计员可以审核区县、锁定或解锁统计期");
		}
	}

}
