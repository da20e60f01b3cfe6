package org.edustat.load;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dictionary of figure keys on the real schema: two processes (two dictionaries on
 * one database) agree on every id; a key added inside a transaction that rolls back is
 * kept, since submissions of other transactions may name it.
 */
class FigureKeysTests {

	private static final AtomicInteger DATABASES = new AtomicInteger();

	private DataSource dataSource;

	private JdbcClient jdbc;

	@BeforeEach
	void migrated() {
		dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:figure-keys-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1", "sa", "");
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration", "classpath:db/vendor/h2")
			.load()
			.migrate();
		jdbc = JdbcClient.create(dataSource);
	}

	@Test
	void twoProcessesAddingOverlappingLayoutsAgreeOnEveryIdAndStoreEachKeyOnce() {
		FigureKeys server = new FigureKeys(dataSource);
		FigureKeys commandLine = new FigureKeys(dataSource);
		FigureKey students = new FigureKey("学生", "合计", "在校生数", "学生!C9");
		FigureKey classes = new FigureKey("学生", "一年级", "班数", "学生!B6");
		FigureKey movedClasses = new FigureKey("学生", "一年级", "班数", "学生!C6");
		FigureKey staff = new FigureKey("教职工", "专任教师", "人数", "教职工!B3");

		Integer[] first = server.ids(new FigureKey[] { students, classes });
		Integer[] second = commandLine.ids(new FigureKey[] { staff, classes, movedClasses, students });

		assertThat(second[1]).isEqualTo(first[1]);
		assertThat(second[3]).isEqualTo(first[0]);
		assertThat(second).doesNotHaveDuplicates();
		assertThat(jdbc.sql("select count(*) from figure_key").query(Integer.class).single()).isEqualTo(4);
		// the server has not seen the command line's keys yet: it reads them when a row
		// names them
		assertThat(server.key(second[0])).isEqualTo(staff);
		assertThat(server.key(second[2])).isEqualTo(movedClasses);
		assertThat(server.key(second[2]).label()).isEqualTo("学生.一年级.班数");
		assertThat(server.ids(new FigureKey[] { movedClasses, staff })).containsExactly(second[2], second[0]);
		assertThat(jdbc.sql("select count(*) from figure_key").query(Integer.class).single()).isEqualTo(4);
	}

	@Test
	void aKeyAnotherProcessAddsWhileALayoutIsBeingAddedIsReadBackAndTheRestAdded() {
		FigureKey students = new FigureKey("学生", "合计", "在校生数", "学生!C9");
		FigureKey classes = new FigureKey("学生", "一年级", "班数", "学生!B6");
		FigureKey staff = new FigureKey("教职工", "专任教师", "人数", "教职工!B3");
		AtomicInteger connections = new AtomicInteger();
		Integer[] theOthers = new Integer[1];
		// the dictionary reads the keys on its first connection and inserts on its
		// second: the other process adds one
		// of them in between
		DataSource racing = new DelegatingDataSource(dataSource) {
			@Override
			public Connection getConnection() throws SQLException {
				if (connections.incrementAndGet() == 2) {
					theOthers[0] = new FigureKeys(dataSource).ids(new FigureKey[] { classes })[0];
				}
				return super.getConnection();
			}
		};

		Integer[] ids = new FigureKeys(racing).ids(new FigureKey[] { students, classes, staff });

		assertThat(ids).doesNotContainNull().doesNotHaveDuplicates();
		assertThat(ids[1]).isEqualTo(theOthers[0]);
		assertThat(jdbc.sql("select count(*) from figure_key").query(Integer.class).single()).isEqualTo(3);
		assertThat(new FigureKeys(dataSource).ids(new FigureKey[] { staff, students })).containsExactly(ids[2], ids[0]);
	}

	@Test
	void aKeyAddedInATransactionThatRollsBackIsKept() {
		FigureKeys keys = new FigureKeys(dataSource);
		FigureKey students = new FigureKey("学生", "合计", "在校生数", "学生!C9");
		int[] id = { 0 };

		new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(status -> {
			id[0] = keys.ids(new FigureKey[] { students })[0];
			status.setRollbackOnly();
		});

		assertThat(jdbc.sql("select sheet, row_key, column_key, cell from figure_key where id = ?")
			.params(id[0])
			.query()
			.singleRow()).containsValues("学生", "合计", "在校生数", "学生!C9");
		assertThat(new FigureKeys(dataSource).key(id[0])).isEqualTo(students);
	}

	@Test
	void aNewLayoutsKeysAreAddedInOneCommit() throws SQLException {
		List<String> commits = new ArrayList<>();
		DataSource counting = new DelegatingDataSource(dataSource) {
			@Override
			public Connection getConnection() throws SQLException {
				Connection connection = super.getConnection();
				return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
						new Class<?>[] { Connection.class }, (proxy, method, args) -> {
							// a statement run in auto-commit is a commit of its own
							if (method.getName().equals("commit")
									|| method.getName().startsWith("execute") && connection.getAutoCommit()) {
								commits.add(method.getName());
							}
							Object result;
							try {
								result = method.invoke(connection, args);
							}
							catch (InvocationTargetException ex) {
								throw ex.getCause();
							}
							if (result instanceof PreparedStatement statement) {
								return Proxy.newProxyInstance(getClass().getClassLoader(),
										new Class<?>[] { PreparedStatement.class }, (p, m, a) -> {
											if (m.getName().startsWith("execute") && connection.getAutoCommit()) {
												commits.add(m.getName());
											}
											try {
												return m.invoke(statement, a);
											}
											catch (InvocationTargetException ex) {
												throw ex.getCause();
											}
										});
							}
							return result;
						});
			}
		};
		FigureKey[] layout = new FigureKey[40];
		for (int i = 0; i < layout.length; i++) {
			layout[i] = new FigureKey("学生", "第" + i + "行", "在校生数", "学生!C" + (i + 5));
		}

		Integer[] ids = new FigureKeys(counting).ids(layout);

		assertThat(ids).doesNotContainNull().doesNotHaveDuplicates();
		// the dictionary's reads (select, auto-commit) and the one commit of all 40 keys
		assertThat(commits).containsExactly("executeQuery", "commit", "executeQuery");
		assertThat(jdbc.sql("select count(*) from figure_key").query(Integer.class).single()).isEqualTo(40);
	}

	@Test
	void h2KeepsAThousandIdentityValuesInMemoryForTheTablesAnImportWritesARowAFileTo() {
		// each time H2's identity values run out it commits their high-water mark, and
		// with WRITE_DELAY=0 a commit writes every changed page
		assertThat(jdbc
			.sql("""
					select table_name, identity_cache from information_schema.columns
					where table_schema = 'PUBLIC' and is_identity = 'YES' and table_name not like 'BATCH%' order by table_name""")
			.query()
			.listOfRows()).extracting(row -> row.get("TABLE_NAME") + " " + row.get("IDENTITY_CACHE"))
			.containsExactly("AUDIT_EVENT 1000", "FIGURE_KEY 1000", "FINDING 1000", "INBOX_FILE 1000");
	}

}
