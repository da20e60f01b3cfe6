package org.edustat.reports;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A school's key figures in a period, as 学校明细 gives them: by indicator code, now and a
 * year before; its rank.
 */
public record SchoolFigures(String id, Map<String, BigDecimal> current, Map<String, BigDecimal> last,
		@Nullable Integer rank) {

	/** Every loaded school's key figures of a period's report data, by school code. */
	static Map<String, SchoolFigures> of(ReportData data) {
		Map<String, SchoolFigures> figures = new HashMap<>();
		data.schools().forEach(line -> {
			Map<String, BigDecimal> now = new LinkedHashMap<>();
			Map<String, BigDecimal> before = new LinkedHashMap<>();
			for (int i = 0; i < data.schoolIndicators().size(); i++) {
				now.put(data.schoolIndicators().get(i).code(), line.current().get(i));
				before.put(data.schoolIndicators().get(i).code(), line.last().get(i));
			}
			figures.put(line.id(), new SchoolFigures(line.id(), now, before, line.rank()));
		});
		return figures;
	}

}
