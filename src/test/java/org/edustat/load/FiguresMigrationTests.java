package org.edustat.load;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import org.edustat.core.Period;
import org.edustat.core.SchoolId;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bureau's database written one row a figure (migrations up to V10) keeps every figure
 * when V11 moves them to one row a submission and V12 names them by the keys of a
 * dictionary and V21 keeps their values as millionths: the same rows come back through
 * the {@code submission_value} view, each distinct key is one row of {@code figure_key},
 * and the stores read them with their six decimals.
 */
class FiguresMigrationTests {

	private static final String POSTGRES_URL = System.getenv("EDUSTAT_TEST_POSTGRES_URL");

	@Test
	void everyFigureOfAnEarlierVersionSurvivesOnH2() {
		DataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:figures-migration;DB_CLOSE_DELAY=-1", "sa",
				"");
		migrateWithFigures(dataSource, null);
		assertStoresRead(dataSource);
	}

	@Test
	@EnabledIfEnvironmentVariable(named = "EDUSTAT_TEST_POSTGRES_URL", matches = ".+",
			disabledReason = "no PostgreSQL server for this run (.ci/run starts one and sets EDUSTAT_TEST_POSTGRES_URL)")
	void everyFigureOfAnEarlierVersionSurvivesOnPostgres() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(POSTGRES_URL, "edustat", "edustat");
		JdbcClient.create(dataSource).sql("drop schema if exists figures_migration cascade").update();
		migrateWithFigures(dataSource, "figures_migration");
		assertStoresRead(new DriverManagerDataSource(
				POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=figures_migration", "edustat",
				"edustat"));
	}

	/**
	 * The history rules' store finds each figure by its labels, through the dictionary.
	 */
	private static void assertStoresRead(DataSource dataSource) {
		DatabaseHistory history = new DatabaseHistory(JdbcClient.create(dataSource), new FigureKeys(dataSource));
		assertThat(history.value(new SchoolId("2101000001"), Period.parse("2022H1"), "学生", "一年级", "班数"))
			.hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("3"));
		assertThat(history.value(new SchoolId("2101000001"), Period.parse("2022H1"), "办学条件", "校舍建筑面积", "值"))
			.hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("5230.5"));
		assertThat(history.forSchools(List.of(new SchoolId("2101000001"), new SchoolId("2101000002")))
			.value(new SchoolId("2101000002"), Period.parse("2022H1"), "教职工", "专任教师", "人数"))
			.hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("41"));
		assertThat(history.value(new SchoolId("2101000001"), Period.parse("2023H1"), "学生", "一年级", "班数")).isEmpty();
		// six decimals exactly, as numeric(20, 6) gave them before the figures became
		// millionths
		assertThat(history.value(new SchoolId("2101000002"), Period.parse("2022H1"), "办学条件", "生均差额", "值"))
			.contains(new BigDecimal("-12345678.000123"));
		assertThat(history.value(new SchoolId("2101000001"), Period.parse("2022H1"), "办学条件", "校舍建筑面积", "值"))
			.contains(new BigDecimal("5230.500000"));
	}

	private static void migrateWithFigures(DataSource dataSource, String schema) {
		Flyway.configure()
			.dataSource(dataSource)
			.schemas(schema == null ? new String[0] : new String[] { schema })
			.target("10")
			.load()
			.migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		String prefix = schema == null ? "" : schema + ".";
		List<Object[]> rows = new ArrayList<>();
		rows.add(new Object[] { "2101000001", "2022H1", "学生", "合计", "在校生数", new BigDecimal("812"), "学生!C21" });
		rows.add(new Object[] { "2101000001", "2022H1", "学生", "一年级", "班数", new BigDecimal("3"), "学生!B6" });
		rows.add(new Object[] { "2101000001", "2022H1", "办学条件", "校舍建筑面积", "值", new BigDecimal("5230.5"), "办学条件!B4" });
		rows.add(new Object[] { "2101000001", "2023H1", "学生", "合计", "在校生数", new BigDecimal("820"), "学生!C21" });
		rows.add(new Object[] { "2101000002", "2022H1", "教职工", "专任教师", "人数", new BigDecimal("41"), "教职工!B3" });
		rows.add(new Object[] { "2101000002", "2022H1", "办学条件", "生均差额", "值", new BigDecimal("-12345678.000123"),
				"办学条件!B9" });
		for (Object[] row : rows) {
			jdbc.sql("insert into " + prefix
					+ "submission_value (school_id, period, sheet, row_key, column_key, val, cell) "
					+ "values (?, ?, ?, ?, ?, ?, ?)")
				.params(row)
				.update();
		}

		Flyway.configure()
			.dataSource(dataSource)
			.schemas(schema == null ? new String[0] : new String[] { schema })
			.load()
			.migrate();

		assertThat(jdbc.sql("select count(*) from " + prefix + "submission_figures").query(Integer.class).single())
			.isEqualTo(3);
		assertThat(jdbc.sql("select count(*) from " + prefix + "figure_key").query(Integer.class).single())
			.isEqualTo(5);
		List<Map<String, Object>> after = jdbc
			.sql("select school_id, period, sheet, row_key, column_key, val, cell from " + prefix
					+ "submission_value order by school_id, period, sheet, row_key, column_key")
			.query()
			.listOfRows();
		assertThat(after).hasSize(rows.size());
		for (Object[] row : rows) {
			assertThat(after).anySatisfy(r -> {
				assertThat(r.values()).elements(0, 1, 2, 3, 4, 6)
					.containsExactly(row[0], row[1], row[2], row[3], row[4], row[6]);
				assertThat((BigDecimal) r.values().toArray()[5]).isEqualByComparingTo((BigDecimal) row[5]);
			});
		}
	}

}
