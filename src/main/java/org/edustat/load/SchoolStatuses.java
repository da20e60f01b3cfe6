package org.edustat.load;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.edustat.core.Period;
import org.edustat.ledger.FileStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one status of each school in a period, which every page, sheet and sentence uses:
 * 已报 (a loaded submission), 退回 (files sent and every one refused) or 未报 (no file at all).
 * A refused file beside a loaded one of the same school and period is no refusal of the
 * school; a refused file that names no school counts for no school. The schools are those
 * due to report ({@link Coverage#expected}) and those loaded; each school's 区县 is the
 * registry's where it has one, else its submission's.
 */
public class SchoolStatuses {

	/** A school's status in a period. */
	public enum Status {

		REPORTED("已报"), REFUSED("退回"), MISSING("未报");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	/**
	 * A school and its status in a period.
	 *
	 * @param expected whether it was due to report (应报)
	 */
	public record School(String id, String name, String districtCode, Status status, boolean expected) {
	}

	private final JdbcClient jdbc;

	private final Coverage coverage;

	public SchoolStatuses(JdbcClient jdbc, Coverage coverage) {
		this.jdbc = jdbc;
		this.coverage = coverage;
	}

	/** Every school due or loaded in a period with its status, by 区县 and code. */
	public List<School> of(Period period) {
		Map<String, School> schools = new LinkedHashMap<>();
		List<String[]> loaded = new ArrayList<>();
		jdbc.sql("select school_id, school_name, district_code from submission where period = ?")
			.param(period.code())
			.query(rs -> {
				loaded.add(new String[] { rs.getString(1), rs.getString(2), rs.getString(3) });
			});
		List<String> refused = jdbc.sql("""
				select distinct school_id from inbox_file
				where period = ? and status = ? and school_id is not null""")
			.params(period.code(), FileStatus.REJECTED.label())
			.query(String.class)
			.list();
		Set<String> refusedIds = new HashSet<>(refused);
		for (Coverage.School due : coverage.expected(period)) {
			schools.put(due.id(), new School(due.id(), due.name(), due.districtCode(),
					refusedIds.contains(due.id()) ? Status.REFUSED : Status.MISSING, true));
		}
		for (String[] school : loaded) {
			School due = schools.get(school[0]);
			schools.put(school[0], due == null ? new School(school[0], school[1], school[2], Status.REPORTED, false)
					: new School(due.id(), due.name(), due.districtCode(), Status.REPORTED, true));
		}
		return schools.values()
			.stream()
			.sorted(Comparator.comparing(School::districtCode).thenComparing(School::id))
			.toList();
	}

	/** The schools of a 区县 in a period with the given status, by code. */
	public List<School> of(Period period, String districtCode, Status status) {
		return of(period).stream().filter(s -> s.districtCode().equals(districtCode) && s.status() == status).toList();
	}

	/** Per 区县 code, how many of its schools have each status in a period. */
	public Map<String, Map<Status, Long>> counts(Period period) {
		Map<String, Map<Status, Long>> counts = new LinkedHashMap<>();
		for (School school : of(period)) {
			counts.computeIfAbsent(school.districtCode(), k -> new EnumMap<>(Status.class))
				.merge(school.status(), 1L, Long::sum);
		}
		return counts;
	}

	/** The registry's state of each school it lists (正常, 停办, 撤销 …), by school code. */
	public Map<String, String> registryStatuses() {
		Map<String, String> states = new HashMap<>();
		jdbc.sql("select school_id, status from school_registry").query(rs -> {
			states.put(rs.getString(1), rs.getString(2));
		});
		return states;
	}

}
