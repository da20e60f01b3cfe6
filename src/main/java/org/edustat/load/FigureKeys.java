package org.edustat.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * The dictionary of figure keys ({@code figure_key}), held in memory: a submission's row
 * names its figures by the ids given here. A key is added the first time a school sends
 * its layout, on a connection of its own that commits at once, so a key exists before any
 * submission names it and outlives a chunk that rolls back; a key is never changed or
 * removed. Another process may add keys too (the server and a run from the command line):
 * the unique key texts make both agree, and an id not known here is looked up again.
 */
public class FigureKeys {

	/** Unique constraint violated (SQL standard; H2 and PostgreSQL both report it). */
	private static final String UNIQUE_VIOLATION = "23505";

	private static final String INSERT = "insert into figure_key (sheet, row_key, column_key, cell) values (?, ?, ?, ?)";

	private final DataSource dataSource;

	private final Map<FigureKey, Integer> ids = new ConcurrentHashMap<>();

	/** Keys by id; replaced whole when keys are read again. */
	private volatile FigureKey[] byId = new FigureKey[0];

	public FigureKeys(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * The ids of the keys, in their order; adds those the dictionary does not hold yet.
	 */
	public Integer[] ids(FigureKey[] keys) {
		Integer[] found = new Integer[keys.length];
		Set<FigureKey> missing = null;
		for (int i = 0; i < keys.length; i++) {
			Integer id = ids.get(keys[i]);
			if (id == null) {
				if (missing == null) {
					missing = new LinkedHashSet<>();
				}
				missing.add(keys[i]);
			}
			else {
				found[i] = id;
			}
		}
		if (missing != null) {
			add(missing);
			for (int i = 0; i < keys.length; i++) {
				found[i] = ids.get(keys[i]);
			}
		}
		return found;
	}

	/** The key of an id a submission's row names. */
	public FigureKey key(int id) {
		FigureKey key = known(id);
		if (key == null) {
			synchronized (this) {
				read();
				key = known(id);
			}
		}
		if (key == null) {
			throw new IllegalStateException("figure_key has no id " + id);
		}
		return key;
	}

	/** The key of an id as read so far, {@code null} when none. */
	private @Nullable FigureKey known(int id) {
		FigureKey[] known = byId;
		return id >= 0 && id < known.length ? known[id] : null;
	}

	private synchronized void add(Set<FigureKey> missing) {
		read();
		missing.removeIf(ids::containsKey);
		if (missing.isEmpty()) {
			return;
		}
		try (Connection connection = dataSource.getConnection()) {
			if (!addedTogether(connection, missing)) {
				addedOneByOne(connection, missing);
			}
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("数据项字典写入失败 (figure_key insert failed)", ex);
		}
		read();
		for (FigureKey key : missing) {
			if (!ids.containsKey(key)) {
				throw new IllegalStateException("figure_key lacks " + key + " after it was added");
			}
		}
	}

	/**
	 * All the keys in one transaction, one commit (on H2 each commit writes the changed
	 * pages); {@code false}, nothing added, when another process added one of them
	 * meanwhile.
	 */
	private static boolean addedTogether(Connection connection, Set<FigureKey> missing) throws SQLException {
		connection.setAutoCommit(false);
		try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
			for (FigureKey key : missing) {
				bind(insert, key);
				insert.addBatch();
			}
			insert.executeBatch();
			connection.commit();
			return true;
		}
		catch (SQLException ex) {
			connection.rollback();
			if (!UNIQUE_VIOLATION.equals(ex.getSQLState()) && !(ex.getNextException() != null
					&& UNIQUE_VIOLATION.equals(ex.getNextException().getSQLState()))) {
				throw ex;
			}
			return false;
		}
		finally {
			connection.setAutoCommit(true);
		}
	}

	/** Each key committed on its own, those another process added skipped. */
	private static void addedOneByOne(Connection connection, Set<FigureKey> missing) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
			for (FigureKey key : missing) {
				bind(insert, key);
				try {
					insert.executeUpdate();
				}
				catch (SQLException ex) {
					if (!UNIQUE_VIOLATION.equals(ex.getSQLState())) {
						throw ex;
					}
					// another process added it meanwhile: read below
				}
			}
		}
	}

	private static void bind(PreparedStatement insert, FigureKey key) throws SQLException {
		insert.setString(1, key.sheet());
		insert.setString(2, key.row());
		insert.setString(3, key.column());
		insert.setString(4, key.cell());
	}

	/**
	 * Reads every key again: few, and another process may have added some with ids below
	 * those known here.
	 */
	private synchronized void read() {
		FigureKey[] read = new FigureKey[Math.max(16, byId.length)];
		try (Connection connection = dataSource.getConnection();
				PreparedStatement select = connection
					.prepareStatement("select id, sheet, row_key, column_key, cell from figure_key");
				ResultSet rs = select.executeQuery()) {
			while (rs.next()) {
				int id = rs.getInt(1);
				if (id >= read.length) {
					read = Arrays.copyOf(read, Math.max(id + 1, read.length * 2));
				}
				FigureKey key = new FigureKey(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
				FigureKey known = id < byId.length ? byId[id] : null;
				read[id] = key.equals(known) ? known : key;
				ids.putIfAbsent(read[id], id);
			}
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("数据项字典读取失败 (figure_key read failed)", ex);
		}
		byId = read;
	}

}
