package org.edustat.indicators;

import java.math.BigDecimal;
import java.util.Map;

import org.edustat.core.SchoolType;

/**
 * One loaded school of a period: where it is, what it is, and its figures by sheet.row.column.
 * @param attributes what catalogue conditions may test: type, sponsor, urbanRural, smartCampus, community, hasHealth
 */
public record SchoolFacts(String schoolId, String name, String district, SchoolType type, Map<String, Object> attributes,
		Map<String, BigDecimal> values) {

	public BigDecimal value(String path) {
		return values.getOrDefault(path, BigDecimal.ZERO);
	}

	public static SchoolFacts of(String schoolId, String name, String district, SchoolType type, String sponsor,
			String urbanRural, Map<String, BigDecimal> values) {
		Map<String, Object> attributes = Map.of("type", type.label(), "sponsor", sponsor, "urbanRural", urbanRural,
				"smartCampus", values.getOrDefault("办学条件.智慧校园.值", BigDecimal.ZERO).intValue(), "community",
				values.getOrDefault("办学条件.参加教育共同体.值", BigDecimal.ZERO).intValue(), "hasHealth",
				values.keySet().stream().anyMatch(k -> k.startsWith("学生健康.")));
		return new SchoolFacts(schoolId, name, district, type, attributes, values);
	}
}
