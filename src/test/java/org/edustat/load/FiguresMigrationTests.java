package org.edustat.load;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bureau's database written one row a figure (migrations up to V10) keeps every figure when V11 moves them to one row
 * a submission: the same rows come back through the {@code submission_value} view, and the stores read them.
 */
class FiguresMigrationTests {

	private static final String POSTGRES_URL = System.getenv("EDUSTAT_TEST_POSTGRES_URL");

	@Test
	void everyFigureOfAnEarlierVersionSurvivesOnH2() {
		migrateWithFigures(new DriverManagerDataSource("jdbc:h2:mem:figures-migration;DB_CLOSE_DELAY=-1", "sa", ""), null);
	}

	@Test
	@EnabledIfEnvironmentVariable(named = "EDUSTAT_TEST_POSTGRES_URL", matches = ".+",
			disabledReason = "no PostgreSQL server for this run (.ci/run starts one and sets EDUSTAT_TEST_POSTGRES_URL)")
	void everyFigureOfAnEarlierVersionSurvivesOnPostgres() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(POSTGRES_URL, "edustat", "edustat");
		JdbcClient.create(dataSource).sql("drop schema if exists figures_migration cascade").update();
		migrateWithFigures(dataSource, "figures_migration");
	}

	private static void migrateWithFigures(DataSource dataSource, String schema) {
		Flyway.configure().dataSource(dataSource).schemas(schema == null ? new String[0] : new String[] { schema })
			.target("10").load().migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		String prefix = schema == null ? "" : schema + ".";
		List<Object[]> rows = new ArrayList<>();
		rows.add(new Object[] { "2101000001", "2022H1", "学生", "合计", "在校生数", new BigDecimal("812"), "学生!C21" });
		rows.add(new Object[] { "2101000001", "2022H1", "学生", "一年级", "班数", new BigDecimal("3"), "学生!B6" });
		rows.add(new Object[] { "2101000001", "2022H1", "办学条件", "校舍建筑面积", "值", new BigDecimal("5230.5"), "办学条件!B4" });
		rows.add(new Object[] { "2101000001", "2023H1", "学生", "合计", "在校生数", new BigDecimal("820"), "学生!C21" });
		rows.add(new Object[] { "2101000002", "2022H1", "教职工", "专任教师", "人数", new BigDecimal("41"), "教职工!B3" });
		for (Object[] row : rows) {
			jdbc.sql("insert into " + prefix + "submission_value (school_id, period, sheet, row_key, column_key, val, cell) "
					+ "values (?, ?, ?, ?, ?, ?, ?)").params(row).update();
		}

		Flyway.configure().dataSource(dataSource).schemas(schema == null ? new String[0] : new String[] { schema }).load()
			.migrate();

		assertThat(jdbc.sql("select count(*) from " + prefix + "submission_figures").query(Integer.class).single()).isEqualTo(3);
		List<Map<String, Object>> after = jdbc.sql("select school_id, period, sheet, row_key, column_key, val, cell from " + prefix
				+ "submission_value order by school_id, period, sheet, row_key, column_key").query().listOfRows();
		assertThat(after).hasSize(rows.size());
		for (Object[] row : rows) {
			assertThat(after).anySatisfy(r -> {
				assertThat(r.values()).elements(0, 1, 2, 3, 4, 6).containsExactly(row[0], row[1], row[2], row[3], row[4], row[6]);
				assertThat((BigDecimal) r.values().toArray()[5]).isEqualByComparingTo((BigDecimal) row[5]);
			});
		}
	}
}
