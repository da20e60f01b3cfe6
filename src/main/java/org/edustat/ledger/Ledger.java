package org.edustat.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.edustat.intake.Inbox;
import org.edustat.intake.InboxFile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.annotation.Transactional;

/**
 * The file ledger: one entry per file found in the inbox, queryable by period, district,
 * school and status.
 */
public class Ledger {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	public Ledger(JdbcTemplate template) {
		this.jdbc = JdbcClient.create(template);
		this.template = template;
	}

	/**
	 * Keeps what was noticed while reading a file and left alone (extra sheets,
	 * unrecognised optional columns).
	 */
	public void note(long id, List<String> notes) {
		if (!notes.isEmpty()) {
			jdbc.sql("update inbox_file set notes = ? where id = ?")
				.params(Arrays.asList(Columns.fit(String.join(";", notes), Columns.REASON), id))
				.update();
		}
	}

	/**
	 * Keeps a run's counts as they were when it ended: later runs that supersede its
	 * files do not change them.
	 */
	public void fixCounts(long jobExecutionId, long loaded, long rejected, long files) {
		jdbc.sql("delete from run_count where job_execution_id = ?").param(jobExecutionId).update();
		jdbc.sql("insert into run_count (job_execution_id, files, loaded, rejected) values (?, ?, ?, ?)")
			.params(jobExecutionId, files, loaded, rejected)
			.update();
	}

	public long insert(LedgerEntry e) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						insert into inbox_file (received_path, file_name, size_bytes, sha256, modified_at, received_at, file_kind,
						  school_id, school_name, period, district_code, status, reason, superseded_by, archive_path, inbox_cleared,
						  job_execution_id)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(Arrays.asList(Columns.fitPath(e.receivedPath(), Columns.PATH),
					Columns.fitPath(e.fileName(), Columns.FILE_NAME), e.size(), e.sha256(),
					Timestamp.from(e.modifiedAt()), Timestamp.from(e.receivedAt()), Columns.fit(e.kind(), Columns.KIND),
					Columns.fit(e.schoolId(), Columns.SCHOOL_ID), Columns.fit(e.schoolName(), Columns.SCHOOL_NAME),
					Columns.fit(e.period(), Columns.PERIOD), Columns.fit(e.districtCode(), Columns.DISTRICT),
					e.status().label(), Columns.fit(e.reason(), Columns.REASON), e.supersededBy(),
					Columns.fitPath(e.archivePath(), Columns.PATH), e.inboxCleared(), e.jobExecutionId()))
			.update(key, "id");
		return Objects.requireNonNull(key.getKey(), "inbox_file id").longValue();
	}

	/** The oldest entry's id of each hash that has one: one look-up a chunk. */
	public Map<String, Long> firstIdsWithHash(List<String> hashes) {
		Map<String, Long> first = new HashMap<>();
		for (List<String> part : inLists(hashes)) {
			jdbc.sql("select sha256, min(id) from inbox_file where sha256 in (:hashes) group by sha256")
				.param("hashes", part)
				.query((rs, n) -> first.put(rs.getString(1), rs.getLong(2)))
				.list();
		}
		return first;
	}

	/** Parts of at most 500 values, for {@code in (…)} lists. */
	private static <T> List<List<T>> inLists(List<T> values) {
		List<List<T>> parts = new ArrayList<>();
		for (int from = 0; from < values.size(); from += 500) {
			parts.add(values.subList(from, Math.min(values.size(), from + 500)));
		}
		return parts;
	}

	/**
	 * Every entry of a file with these bytes, oldest first: one look-up answers both what
	 * a file is a copy of and whether it is this file's own entry left in the inbox by a
	 * crash.
	 */
	public List<LedgerEntry> withHash(String sha256) {
		return jdbc.sql("select " + LedgerEntry.COLUMNS + " from inbox_file where sha256 = ? order by id")
			.param(sha256)
			.query(LedgerEntry::read)
			.list();
	}

	/**
	 * An entry committed for this very file whose removal from the inbox did not happen
	 * (a crash in between).
	 */
	public Optional<LedgerEntry> uncleared(String receivedPath, String sha256) {
		return withHash(sha256).stream().filter(e -> e.leftInInboxAt(receivedPath)).findFirst();
	}

	/**
	 * A 回执 written for a file: the file's path and hash, and the receipt's place under
	 * the output folder.
	 */
	public record ReceiptNote(String receivedPath, String sha256, String receiptPath) {
	}

	/**
	 * Notes the 回执 written for several files in one transaction: the caller's (a run
	 * notes them with its next chunk), or one of their own.
	 */
	@Transactional
	public void noteReceipts(List<ReceiptNote> notes) {
		// one statement executed for each, not one prepared for each
		template.batchUpdate("update inbox_file set receipt_path = ? where received_path = ? and sha256 = ?", notes,
				notes.size(), (statement, note) -> {
					statement.setString(1, note.receiptPath());
					statement.setString(2, note.receivedPath());
					statement.setString(3, note.sha256());
				});
	}

	/** Where a file's 回执 is, under the output folder, if one was written. */
	public Optional<String> receipt(long id) {
		return jdbc.sql("select receipt_path from inbox_file where id = ?")
			.param(id)
			.query(String.class)
			.list()
			.stream()
			.filter(Objects::nonNull)
			.findFirst();
	}

	/**
	 * Files that should have a 回执 and have none noted: submissions loaded, superseded or
	 * refused whose original is kept and that could be read as workbooks (no F or Q
	 * finding) — a run killed between a chunk's commit and its 回执, or a file recorded
	 * before 回执 were noted. Oldest first after the given id, at most {@code limit}.
	 */
	public List<LedgerEntry> withoutReceipt(long afterId, int limit) {
		return jdbc.sql("select " + LedgerEntry.COLUMNS
				+ " from inbox_file i where id > ? and receipt_path is null and archive_path is not null "
				+ "and file_kind in ('学校报表', '未识别') and status in (?, ?, ?) and not exists (select 1 from finding f "
				+ "where f.file_id = i.id and (f.code like 'F%' or f.code like 'Q%')) order by id fetch first "
				+ Math.max(1, limit) + " rows only")
			.params(afterId, FileStatus.LOADED.label(), FileStatus.SUPERSEDED.label(), FileStatus.REJECTED.label())
			.query(LedgerEntry::read)
			.list();
	}

	/** A school's files, newest first, at most {@code limit}. */
	public List<LedgerEntry> ofSchool(String schoolId, int limit) {
		return jdbc
			.sql("select " + LedgerEntry.COLUMNS + " from inbox_file where school_id = ? order by id desc fetch first "
					+ Math.max(1, limit) + " rows only")
			.param(schoolId)
			.query(LedgerEntry::read)
			.list();
	}

	public void markSuperseded(long id, long by) {
		jdbc.sql("update inbox_file set status = ?, superseded_by = ?, reason = ? where id = ?")
			.params(FileStatus.SUPERSEDED.label(), by, "已被文件#" + by + "替换", id)
			.update();
	}

	public void markCleared(List<Long> ids) {
		for (List<Long> part : inLists(ids)) {
			jdbc.sql("update inbox_file set inbox_cleared = true where id in (:ids)").param("ids", part).update();
		}
	}

	/**
	 * Marks as cleared the entries whose file has left the inbox although the mark did
	 * not commit (a process killed between the two): the file is gone from its place, or
	 * another file with other bytes now stands there.
	 * @return how many entries were marked
	 */
	public int reconcileCleared(Inbox inbox) {
		List<Long> gone = new ArrayList<>();
		jdbc.sql("select id, received_path, sha256, size_bytes from inbox_file where inbox_cleared = false")
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4) })
			.list()
			.forEach(row -> {
				Path file = inbox.root().resolve((String) row[1]);
				try {
					if (!Files.isRegularFile(file) || Files.size(file) != (Long) row[3]
							|| !new InboxFile(file, (String) row[1], (Long) row[3], Instant.EPOCH).sha256()
								.equals(row[2])) {
						gone.add((Long) row[0]);
					}
				}
				catch (IOException | UncheckedIOException ex) {
					gone.add((Long) row[0]);
				}
			});
		markCleared(gone);
		return gone.size();
	}

	public Optional<LedgerEntry> find(long id) {
		return jdbc.sql("select " + LedgerEntry.COLUMNS + " from inbox_file where id = ?")
			.param(id)
			.query(LedgerEntry::read)
			.optional();
	}

	public List<LedgerEntry> forJobExecution(long jobExecutionId) {
		return jdbc.sql("select " + LedgerEntry.COLUMNS + " from inbox_file where job_execution_id = ? order by id")
			.param(jobExecutionId)
			.query(LedgerEntry::read)
			.list();
	}

	/** How many files of a run ended in each status, counted by the database. */
	public Map<FileStatus, Long> countsByStatus(long jobExecutionId) {
		Map<FileStatus, Long> counts = new EnumMap<>(FileStatus.class);
		jdbc.sql("select status, count(*) from inbox_file where job_execution_id = ? group by status")
			.param(jobExecutionId)
			.query((rs, n) -> Map.entry(FileStatus.ofLabel(rs.getString(1)), rs.getLong(2)))
			.list()
			.forEach(e -> counts.put(e.getKey(), e.getValue()));
		return counts;
	}

}
