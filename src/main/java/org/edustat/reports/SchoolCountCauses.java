package org.edustat.reports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.edustat.indicators.Comparison;
import org.edustat.load.SchoolStatuses;
import org.jspecify.annotations.Nullable;

/**
 * Why an area's count of loaded schools changed since the same period last year, in words
 * whose numbers add up to the change: each school loaded last year and not now is counted
 * once by its status now (未报送, 被退回), by the registry's state where it is no longer 正常
 * (停办), or as moved to another 区县 (转出); each school loaded now and not last year counts
 * as 新增. So 减少2所(3所未报送、新增1所): 3 − 1 = 2.
 */
final class SchoolCountCauses {

	private SchoolCountCauses() {
	}

	/**
	 * @param now the 区县 of each school loaded for the period, by school code
	 * @param last the same for the same period last year
	 * @param statuses every school's status in the period
	 * @param registry the registry's state of each school it lists
	 * @return the causes by area code, for the areas whose count changed
	 */
	static Map<String, String> of(List<Comparison.Area> areas, Map<String, String> now, Map<String, String> last,
			List<SchoolStatuses.School> statuses, Map<String, String> registry) {
		Map<String, SchoolStatuses.Status> status = new HashMap<>();
		statuses.forEach(s -> status.put(s.id(), s.status()));
		Map<String, String> causes = new HashMap<>();
		for (Comparison.Area area : areas) {
			int missing = 0;
			int refused = 0;
			int movedOut = 0;
			Map<String, Integer> closed = new HashMap<>();
			for (Map.Entry<String, String> school : last.entrySet()) {
				if (!area.city() && !area.code().equals(school.getValue()) || inArea(area, now.get(school.getKey()))) {
					continue;
				}
				SchoolStatuses.Status s = status.get(school.getKey());
				String state = registry.get(school.getKey());
				if (s == SchoolStatuses.Status.REFUSED) {
					refused++;
				}
				else if (s == SchoolStatuses.Status.REPORTED) {
					movedOut++;
				}
				else if (s == null && state != null && !state.equals("正常")) {
					closed.merge(state, 1, Integer::sum);
				}
				else if (s == null) {
					closed.merge("不在学校名录", 1, Integer::sum);
				}
				else {
					missing++;
				}
			}
			int added = 0;
			for (Map.Entry<String, String> school : now.entrySet()) {
				if (inArea(area, school.getValue()) && !inArea(area, last.get(school.getKey()))) {
					added++;
				}
			}
			List<String> lost = new ArrayList<>();
			if (missing > 0) {
				lost.add(missing + "所未报送");
			}
			if (refused > 0) {
				lost.add(refused + "所被退回");
			}
			closed.entrySet()
				.stream()
				.sorted(Map.Entry.comparingByKey())
				.forEach(e -> lost.add(e.getValue() + "所" + e.getKey()));
			if (movedOut > 0) {
				lost.add(movedOut + "所转出");
			}
			List<String> parts = new ArrayList<>();
			String gained = added > 0 ? "新增" + added + "所" : null;
			int change = added
					- (missing + refused + movedOut + closed.values().stream().mapToInt(Integer::intValue).sum());
			if (change > 0 && gained != null) {
				parts.add(gained);
				parts.addAll(lost);
			}
			else {
				parts.addAll(lost);
				if (gained != null) {
					parts.add(gained);
				}
			}
			if (change != 0) {
				causes.put(area.code(), String.join("、", parts));
			}
		}
		return causes;
	}

	private static boolean inArea(Comparison.Area area, @Nullable String district) {
		return district != null && (area.city() || area.code().equals(district));
	}

}
