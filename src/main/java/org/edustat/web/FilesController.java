package org.edustat.web;

import java.util.List;
import java.util.Map;

import org.edustat.core.Period;
import org.edustat.ledger.FileStatus;
import org.edustat.ledger.LedgerEntry;
import org.edustat.ledger.LedgerReadings;
import org.edustat.load.Coverage;
import org.edustat.users.EdustatUser;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 文件: the ledger, a page at a time, filtered by period, 区县, school and status. */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Controller
class FilesController {

	/** Ledger entries a page of 文件 shows. */
	static final int PAGE = 100;

	/** The last page that may be asked for: beyond it, narrow the search. */
	static final int MAX_PAGE = 1_000;

	private final LedgerReadings readings;

	private final Coverage coverage;

	FilesController(LedgerReadings readings, Coverage coverage) {
		this.readings = readings;
		this.coverage = coverage;
	}

	@GetMapping("/files")
	String files(@AuthenticationPrincipal EdustatUser user, @RequestParam(required = false) String period,
			@RequestParam(required = false) String district, @RequestParam(required = false) String school,
			@RequestParam(required = false) String status, @RequestParam(defaultValue = "1") int page, Model model) {
		String scope = user.district() != null ? user.district() : SeasonController.blank(district);
		FileStatus wanted = SeasonController.blank(status) == null ? null : FileStatus.ofLabel(status);
		if (page < 1 || page > MAX_PAGE) {
			throw new IllegalArgumentException("page out of range: " + page);
		}
		String asked = SeasonController.blank(period);
		if (asked != null) {
			Period.parse(asked);
		}
		int shown = page;
		List<LedgerEntry> entries = readings.search(asked, scope, SeasonController.blank(school), wanted,
				PAGE * shown + 1);
		model.addAttribute("entries",
				entries.subList(Math.min(entries.size(), PAGE * (shown - 1)), Math.min(entries.size(), PAGE * shown)));
		model.addAttribute("page", shown);
		model.addAttribute("more", entries.size() > PAGE * shown);
		model.addAttribute("statuses", FileStatus.values());
		model.addAttribute("periods", readings.periods());
		Map<String, String> names = coverage.districtNames();
		model.addAttribute("districts", user.district() == null ? names
				: Map.of(user.district(), names.getOrDefault(user.district(), user.district())));
		model.addAttribute("user", user);
		return "files";
	}

}
