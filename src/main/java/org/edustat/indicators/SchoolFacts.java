package org.edustat.indicators;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.edustat.core.SchoolType;
import org.edustat.form.Field;
import org.edustat.form.FieldType;
import org.edustat.form.Form;
import org.edustat.form.SheetForm;

/**
 * One loaded school of a period: where it is, what it is, and its figures by
 * sheet.row.column.
 *
 * @param attributes what catalogue conditions may test (see {@link #of})
 */
public record SchoolFacts(String schoolId, String name, String district, SchoolType type,
		Map<String, Object> attributes, Map<String, BigDecimal> values) {

	/** The school's figure at sheet.row.column, if it reported one. */
	public Optional<BigDecimal> value(String path) {
		return Optional.ofNullable(values.get(path));
	}

	/**
	 * A school with the attributes the form gives it: type, sponsor, urbanRural, every
	 * 是/否 item by its variable name (是 = 1), and for every sheet with an attribute name
	 * whether the school sent that sheet.
	 */
	public static SchoolFacts of(String schoolId, String name, String district, SchoolType type, String sponsor,
			String urbanRural, Map<String, BigDecimal> values, Form form) {
		Map<String, Object> attributes = new HashMap<>();
		attributes.put("type", type.label());
		attributes.put("sponsor", sponsor);
		attributes.put("urbanRural", urbanRural);
		for (SheetForm sheet : form.sheets()) {
			for (Field item : sheet.items()) {
				if (item.type() == FieldType.YESNO && item.variable() != null) {
					attributes.put(item.variable(),
							values.getOrDefault(sheet.name() + "." + item.name() + "." + Form.VALUE, BigDecimal.ZERO)
								.intValue());
				}
			}
			if (sheet.attribute() != null) {
				String prefix = sheet.name() + ".";
				attributes.put(sheet.attribute(), values.keySet().stream().anyMatch(k -> k.startsWith(prefix)));
			}
		}
		return new SchoolFacts(schoolId, name, district, type, Map.copyOf(attributes), values);
	}

	/** The names indicator conditions may test, as the form defines them. */
	public static Set<String> attributeNames(Form form) {
		Set<String> names = new HashSet<>(Set.of("type", "sponsor", "urbanRural"));
		for (SheetForm sheet : form.sheets()) {
			sheet.items()
				.stream()
				.filter(i -> i.type() == FieldType.YESNO && i.variable() != null)
				.forEach(i -> names.add(i.variable()));
			if (sheet.attribute() != null) {
				names.add(sheet.attribute());
			}
		}
		return Set.copyOf(names);
	}
}
