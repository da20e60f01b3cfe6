package org.edustat.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.edustat.core.District;
import org.edustat.core.Period;
import org.edustat.examine.JobFiles;
import org.edustat.load.Coverage;
import org.edustat.load.ReferenceStore;
import org.edustat.load.SchoolStatuses;
import org.edustat.reports.ReportValues;
import org.edustat.season.Deadlines;
import org.edustat.season.Reviews;
import org.edustat.users.EdustatUser;
import org.edustat.users.Role;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * 总览: per period and 区县 the schools reported, due and refused; the latest reports and
 * runs; the schools missing.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Controller
class OverviewController {

	private final Coverage coverage;

	private final SchoolStatuses statuses;

	private final Downloads downloads;

	private final RunRows runs;

	private final ReportValues values;

	private final ReferenceStore references;

	private final JobFiles jobFiles;

	private final Deadlines deadlines;

	private final Reviews reviews;

	OverviewController(Coverage coverage, SchoolStatuses statuses, Downloads downloads, RunRows runs,
			ReportValues values, JobFiles jobFiles, Deadlines deadlines, Reviews reviews, ReferenceStore references) {
		this.references = references;
		this.values = values;
		this.jobFiles = jobFiles;
		this.deadlines = deadlines;
		this.reviews = reviews;
		this.coverage = coverage;
		this.statuses = statuses;
		this.downloads = downloads;
		this.runs = runs;
	}

	/**
	 * One line of 总览: the schools 已报, 应报 and 退回 (every file refused, nothing loaded) of a
	 * period and 区县.
	 */
	record PeriodRow(String period, String name, String districtCode, long reported, long expected, long rejected) {
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}

	@GetMapping("/")
	String overview(@AuthenticationPrincipal EdustatUser user, @RequestParam(required = false) String period,
			Model model) {
		if (user.role() == Role.SCHOOL) {
			return "redirect:/school";
		}
		List<Period> known = coverage.periods();
		if (!known.isEmpty()) {
			Period chosen = period == null || period.isBlank() ? known.get(known.size() - 1) : Period.parse(period);
			String area = user.district() != null ? user.district()
					: references.districts()
						.stream()
						.filter(District::isCity)
						.map(d -> d.code().value())
						.findFirst()
						.orElse(null);
			List<Period> newestFirst = new ArrayList<>(known);
			Collections.reverse(newestFirst);
			model.addAttribute("choices", newestFirst);
			model.addAttribute("chosen", chosen);
			model.addAttribute("area", area);
			model.addAttribute("areaName", area == null ? "" : coverage.districtNames().getOrDefault(area, area));
			model.addAttribute("figures",
					area == null ? List.of() : Dashboard.keyFigures(values, jobFiles.catalogue(), chosen, area));
			model.addAttribute("districts",
					Dashboard.districts(
							deadlines.timeliness(chosen).stream().filter(t -> user.sees(t.district())).toList(),
							reviews.districts(chosen), coverage.districtNames(), user.district() == null));
		}
		Map<String, Map<String, Map<SchoolStatuses.Status, Long>>> counts = new HashMap<>();
		List<PeriodRow> periods = coverage.byPeriodAndDistrict()
			.stream()
			.filter(r -> user.sees(r.districtCode()))
			.map(r -> new PeriodRow(r.period(), r.districtName(), r.districtCode(), r.reported(), r.expected(),
					counts.computeIfAbsent(r.period(), p -> statuses.counts(Period.parse(p)))
						.getOrDefault(r.districtCode(), Map.of())
						.getOrDefault(SchoolStatuses.Status.REFUSED, 0L)))
			.toList();
		model.addAttribute("periods", periods);
		model.addAttribute("reports", downloads.visibleTo(user).stream().filter(i -> i.kind().equals("报表")).toList());
		model.addAttribute("runs", runs.latest(5));
		model.addAttribute("user", user);
		return "overview";
	}

	@GetMapping("/missing")
	String missing(@AuthenticationPrincipal EdustatUser user, @RequestParam String period,
			@RequestParam String district, Model model) {
		if (!user.sees(district)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		model.addAttribute("schools", statuses.of(Period.parse(period), district, SchoolStatuses.Status.MISSING));
		model.addAttribute("period", period);
		model.addAttribute("districtName", coverage.districtNames().getOrDefault(district, district));
		model.addAttribute("user", user);
		return "missing";
	}

}
