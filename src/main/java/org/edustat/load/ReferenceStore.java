package org.edustat.load;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.edustat.core.District;
import org.edustat.core.DistrictCode;
import org.edustat.core.PublishedValue;
import org.edustat.core.ReferenceData;
import org.edustat.core.RegistryEntry;
import org.edustat.core.Target;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The bureau's reference tables: districts, the school registry and annual targets. */
public class ReferenceStore {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	public ReferenceStore(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/**
	 * Applies a reference workbook: a district list replaces the bureau's list, a
	 * registry replaces the entries of the schools it names, targets replace the targets
	 * of the years they name.
	 */
	public void apply(ReferenceData data) {
		if (!data.districts().isEmpty()) {
			replaceDistricts(data.districts());
		}
		for (RegistryEntry entry : data.registry()) {
			var s = entry.school();
			jdbc.sql("delete from school_registry where school_id = ?").param(s.id().value()).update();
			jdbc.sql(
					"""
							insert into school_registry (school_id, school_name, district_code, school_type, sponsor, urban_rural, status,
							    contact)
							values (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(Arrays.asList(s.id().value(), s.name(), s.district().value(), s.type().label(),
						s.sponsor().label(), s.urbanRural().label(), entry.status(), contact(entry.contact())))
				.update();
		}
		Set<Integer> years = new HashSet<>();
		data.targets().forEach(t -> years.add(t.year()));
		for (Integer year : years) {
			jdbc.sql("delete from annual_target where target_year = ?").param(year).update();
		}
		template.batchUpdate(
				"insert into annual_target (target_year, district_code, indicator_code, target_value) values (?, ?, ?, ?)",
				data.targets()
					.stream()
					.map(t -> new Object[] { t.year(), t.district().value(), t.indicator(), t.value() })
					.toList());
		for (PublishedValue p : data.published()) {
			jdbc.sql("delete from published_value where value_year = ? and district_code = ? and indicator_code = ?")
				.params(p.year(), p.district().value(), p.indicator())
				.update();
		}
		template.batchUpdate(
				"insert into published_value (value_year, district_code, indicator_code, val) values (?, ?, ?, ?)",
				data.published()
					.stream()
					.map(p -> new Object[] { p.year(), p.district().value(), p.indicator(), p.value() })
					.toList());
	}

	/**
	 * The published totals (历年数据) of the given indicators, by indicator, area and year.
	 */
	public Map<String, Map<String, SortedMap<Integer, BigDecimal>>> published(Set<String> indicators) {
		Map<String, Map<String, SortedMap<Integer, BigDecimal>>> values = new HashMap<>();
		jdbc.sql("select value_year, district_code, indicator_code, val from published_value").query(rs -> {
			if (indicators.contains(rs.getString(3))) {
				values.computeIfAbsent(rs.getString(3), k -> new HashMap<>())
					.computeIfAbsent(rs.getString(2), k -> new TreeMap<>())
					.put(rs.getInt(1), rs.getBigDecimal(4));
			}
		});
		return values;
	}

	public void replaceDistricts(List<District> districts) {
		jdbc.sql("delete from district").update();
		template.batchUpdate("insert into district (code, name, parent_code) values (?, ?, ?)", districts.stream()
			.map(d -> new Object[] { d.code().value(), d.name(), d.parent() == null ? null : d.parent().value() })
			.toList());
	}

	public List<District> districts() {
		return jdbc.sql("select code, name, parent_code from district order by code")
			.query((rs, n) -> new District(new DistrictCode(rs.getString(1)), rs.getString(2),
					rs.getString(3) == null ? null : new DistrictCode(rs.getString(3))))
			.list();
	}

	public boolean hasDistricts() {
		return jdbc.sql("select count(*) from district").query(Integer.class).single() > 0;
	}

	/**
	 * The targets of the given year and the years after it (a plan's), latest year first.
	 */
	public List<Target> targetsFrom(int year) {
		return jdbc
			.sql("""
					select target_year, district_code, indicator_code, target_value from annual_target where target_year >= ?
					order by target_year desc""")
			.param(year)
			.query((rs, n) -> new Target(rs.getInt(1), new DistrictCode(rs.getString(2)), rs.getString(3),
					rs.getBigDecimal(4)))
			.list();
	}

	public List<Target> targets(int year) {
		return jdbc.sql(
				"select target_year, district_code, indicator_code, target_value from annual_target where target_year = ?")
			.param(year)
			.query((rs, n) -> new Target(rs.getInt(1), new DistrictCode(rs.getString(2)), rs.getString(3),
					rs.getBigDecimal(4)))
			.list();
	}

	/** A telephone as the column holds it: at most 40 characters. */
	private static @Nullable String contact(@Nullable String text) {
		return text == null || text.length() <= 40 ? text : text.substring(0, 40);
	}

}
