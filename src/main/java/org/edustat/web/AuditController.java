package org.edustat.web;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.edustat.core.CsvCell;
import org.edustat.season.Act;
import org.edustat.season.AuditTrail;
import org.edustat.users.EdustatUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit trail (操作记录): read-only, filtered by period, 区县, school and act, exportable
 * as CSV; a 区县 reads its own.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Controller
class AuditController {

	private final AuditTrail audit;

	private final ZoneId zone;

	AuditController(AuditTrail audit, @Value("${edustat.schedule.zone:Asia/Shanghai}") String zone) {
		this.audit = audit;
		this.zone = ZoneId.of(zone);
	}

	@GetMapping("/audit")
	String audit(@AuthenticationPrincipal EdustatUser user, @RequestParam(required = false) String period,
			@RequestParam(required = false) String district, @RequestParam(required = false) String school,
			@RequestParam(required = false) String act, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("events", audit.search(filter(user, period, district, school, act), 500));
		model.addAttribute("acts", Act.values());
		model.addAttribute("zone", zone);
		model.addAttribute("query", new String[] { SeasonController.blank(period), SeasonController.blank(district),
				SeasonController.blank(school), SeasonController.blank(act) });
		return "audit";
	}

	/** The trail as CSV, UTF-8 with a BOM (opens right in Excel and WPS). */
	@GetMapping("/audit.csv")
	ResponseEntity<byte[]> auditCsv(@AuthenticationPrincipal EdustatUser user,
			@RequestParam(required = false) String period, @RequestParam(required = false) String district,
			@RequestParam(required = false) String school, @RequestParam(required = false) String act) {
		DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
		StringBuilder csv = new StringBuilder("\uFEFF时间,操作人,地址,操作,统计期,区县,学校,内容\r\n");
		for (AuditTrail.Event e : audit.search(filter(user, period, district, school, act), 100_000)) {
			csv.append(String.join(",", time.format(e.at()), CsvCell.of(e.actor()), CsvCell.of(e.address()),
					e.act().label(), CsvCell.of(e.period()), CsvCell.of(e.district()), CsvCell.of(e.school()),
					CsvCell.of(e.detail())))
				.append("\r\n");
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''audit.csv")
			.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	/** A 区县 user reads its own 区县's acts only (and its own logins). */
	private static AuditTrail.Filter filter(EdustatUser user, String period, String district, String school,
			String act) {
		Act kind = null;
		if (act != null && !act.isBlank()) {
			try {
				kind = Act.valueOf(act);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("没有这种操作：" + act);
			}
		}
		String scope = user.district() != null ? user.district() : SeasonController.blank(district);
		return new AuditTrail.Filter(SeasonController.blank(period), scope, SeasonController.blank(school), kind);
	}

}
