package org.edustat.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.edustat.core.Period;
import org.edustat.examine.JobFiles;
import org.edustat.indicators.Indicator;
import org.edustat.load.Coverage;
import org.edustat.reports.ComparativeReports;
import org.edustat.reports.ReportValues;
import org.edustat.reports.SchoolFigures;
import org.edustat.season.PeriodLocks;
import org.edustat.season.Reviews;
import org.edustat.season.SchoolLine;
import org.edustat.users.EdustatUser;
import org.edustat.users.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The read-only JSON API, under the same login and scopes as the pages: a 区县 user reads
 * its own 区县 only (another area answers 403); a school's account reads nothing here.
 * Documented with OpenAPI at /v3/api-docs (browsable at /swagger-ui.html). The indicators
 * are those of each period's last report, so the API says what the report's cells say.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@RestController
@RequestMapping(path = "/api", produces = "application/json")
@Tag(name = "EduStat", description = "统计期、指标与学校（只读）")
class ApiController {

	/** A period with loaded data. */
	record PeriodInfo(String code, String label, long expected, long reported, boolean locked) {
	}

	/** An indicator of an area in a period's report. */
	record IndicatorValue(String indicator, String name, @Nullable String unit, String group,
			@Nullable BigDecimal value) {
	}

	/**
	 * A school's status in a period and, for a loaded one, its key figures as 学校明细 gives
	 * them (by indicator code, now and a year before) and its place in its 区县.
	 */
	record SchoolInfo(String id, String name, String district, String state, boolean expected,
			@Nullable Map<String, BigDecimal> figures, @Nullable Map<String, BigDecimal> lastYear,
			@Nullable Integer rankInDistrict) {
	}

	/** A page of a list. */
	record Page<T>(int page, int size, long total, List<T> items) {
	}

	private final Coverage coverage;

	private final ReportValues values;

	private final JobFiles jobFiles;

	private final Reviews reviews;

	private final PeriodLocks locks;

	private final ComparativeReports reports;

	ApiController(Coverage coverage, ReportValues values, JobFiles jobFiles, Reviews reviews, PeriodLocks locks,
			ComparativeReports reports) {
		this.reports = reports;
		this.coverage = coverage;
		this.values = values;
		this.jobFiles = jobFiles;
		this.reviews = reviews;
		this.locks = locks;
	}

	@Operation(summary = "统计期", description = "有数据的统计期，最新的在前；应报、已报为用户可见区县之和")
	@GetMapping("/periods")
	List<PeriodInfo> periods(@AuthenticationPrincipal EdustatUser user) {
		readsData(user);
		return coverage.byPeriodAndDistrict()
			.stream()
			.filter(r -> user.sees(r.districtCode()))
			.collect(Collectors.groupingBy(Coverage.Reported::period, TreeMap::new, Collectors.toList()))
			.descendingMap()
			.entrySet()
			.stream()
			.map(e -> new PeriodInfo(e.getKey(), Period.parse(e.getKey()).label(),
					e.getValue().stream().mapToLong(Coverage.Reported::expected).sum(),
					e.getValue().stream().mapToLong(Coverage.Reported::reported).sum(),
					locks.lockedBecause(e.getKey()).isPresent()))
			.toList();
	}

	@Operation(summary = "一个地区的指标", description = "统计期最近一次报表中该地区（市或区县代码）的本期值；group 为空时为全地区")
	@GetMapping("/periods/{period}/areas/{area}/indicators")
	List<IndicatorValue> indicators(@AuthenticationPrincipal EdustatUser user, @PathVariable String period,
			@PathVariable String area,
			@Parameter(description = "分组（如 小学、公办）；不填为全部分组") @RequestParam(required = false) String group) {
		readsData(user);
		if (!user.sees(area) || user.district() != null && !user.district().equals(area)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只能查看本区县的数据");
		}
		Map<String, Indicator> catalogue = jobFiles.catalogue()
			.indicators()
			.stream()
			.collect(Collectors.toMap(Indicator::code, i -> i, (a, b) -> a));
		return values.of(Period.parse(period), area)
			.stream()
			.filter(v -> group == null || group.equals(v.group()))
			.map(v -> {
				Indicator i = catalogue.get(v.indicator());
				return new IndicatorValue(v.indicator(), i == null ? v.indicator() : i.name(),
						i == null ? null : i.unit(), v.group(), v.value());
			})
			.toList();
	}

	@Operation(summary = "学校、审核状态及关键指标", description = "分页；district 不填时为用户可见的全部区县；已入库学校附学校明细中的关键指标（本期、上年同期）与区县内位次")
	@GetMapping("/periods/{period}/schools")
	Page<SchoolInfo> schools(@AuthenticationPrincipal EdustatUser user, @PathVariable String period,
			@RequestParam(required = false) String district, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "100") int size) {
		readsData(user);
		if (page < 1 || size < 1 || size > 1000) {
			throw new IllegalArgumentException("page 从1开始，size 为1至1000");
		}
		String scope = user.district() != null ? user.district() : district;
		if (district != null && !user.sees(district)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只能查看本区县的数据");
		}
		List<SchoolLine> all = reviews.schools(Period.parse(period), scope);
		int from = (int) Math.min((long) (page - 1) * size, all.size());
		List<SchoolLine> shown = all.subList(from, Math.min(all.size(), from + size));
		Map<String, SchoolFigures> figures = shown.stream().anyMatch(s -> s.fileId() != null)
				? reports.schoolFigures(Period.parse(period)) : Map.of();
		return new Page<>(page, size, all.size(), shown.stream().map(s -> {
			SchoolFigures f = figures.get(s.id());
			return new SchoolInfo(s.id(), s.name(), s.district(), s.state().label(), s.expected(),
					f == null ? null : f.current(), f == null ? null : f.last(), f == null ? null : f.rank());
		}).toList());
	}

	private static void readsData(EdustatUser user) {
		if (user.role() == Role.SCHOOL) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "学校账号不能使用数据接口");
		}
	}

}
