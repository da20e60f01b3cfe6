package org.edustat.testing;

import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A fresh in-memory H2 database with the application's own Flyway migrations: the real schema, no application. */
public final class Schema {

	private final DriverManagerDataSource dataSource;

	private Schema() {
		dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
	}

	/** A new database, migrated. */
	public static Schema fresh() {
		return new Schema();
	}

	public JdbcClient jdbc() {
		return JdbcClient.create(dataSource);
	}

	public JdbcTemplate template() {
		return new JdbcTemplate(dataSource);
	}
}
