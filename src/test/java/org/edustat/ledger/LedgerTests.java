package org.edustat.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.edustat.core.CellRef;
import org.edustat.core.Finding;
import org.edustat.core.Severity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The ledger and its findings in a JDBC slice with the real migrations: statuses stored
 * as labels, read back, counted.
 */
@JdbcTest
class LedgerTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate template;

	private Ledger ledger;

	private LedgerReadings readings;

	private FindingStore findings;

	@BeforeEach
	void stores() {
		ledger = new Ledger(template);
		readings = new LedgerReadings(jdbc);
		findings = new FindingStore(template);
	}

	@Test
	void recordsAnEntryAndFindsItByHashWithItsStatus() {
		long id = ledger.insert(ledgerEntry("东岭区/一小.xlsx", "aa", "990102", FileStatus.LOADED, 7L));
		assertThat(ledger.withHash("aa")).singleElement()
			.extracting(LedgerEntry::id, LedgerEntry::status, LedgerEntry::districtCode)
			.containsExactly(id, FileStatus.LOADED, "990102");
		assertThat(ledger.uncleared("东岭区/一小.xlsx", "aa")).isPresent();
		ledger.markCleared(List.of(id));
		assertThat(ledger.uncleared("东岭区/一小.xlsx", "aa")).isEmpty();
	}

	@Test
	void findsTheOldestEntryOfEachHashOfAChunkInOneLookUp() {
		long first = ledger.insert(ledgerEntry("东岭区/一小.xlsx", "bb", "990102", FileStatus.LOADED, 7L));
		ledger.insert(ledgerEntry("东岭区/一小(2).xlsx", "bb", "990102", FileStatus.DUPLICATE, 8L));
		long other = ledger.insert(ledgerEntry("东岭区/二小.xlsx", "cc", "990102", FileStatus.REJECTED, 8L));
		List<String> many = new ArrayList<>(Collections.nCopies(600, "zz"));
		many.add("cc");
		many.add("bb");

		assertThat(ledger.firstIdsWithHash(List.of("bb", "cc", "dd"))).containsOnly(entry("bb", first),
				entry("cc", other));
		assertThat(ledger.firstIdsWithHash(many)).containsOnly(entry("bb", first), entry("cc", other));
		assertThat(ledger.firstIdsWithHash(List.of())).isEmpty();
	}

	@Test
	void countsARunByStatusAndListsItsRefusalsWithCellAndMessage() {
		ledger.insert(ledgerEntry("东岭区/一小.xlsx", "a1", "990102", FileStatus.LOADED, 7L));
		long refused = ledger.insert(ledgerEntry("东岭区/二小.xlsx", "a2", "990102", FileStatus.REJECTED, 7L));
		ledger.insert(ledgerEntry("西林区/三小.xlsx", "a3", "990103", FileStatus.REJECTED, 8L));
		findings.insert(refused, "2101000002", "2023H1",
				List.of(Finding.error("S02", CellRef.of("学生", 1, 3), "「一年级」行其中女生30人,多于在校生20人", "girls > students")),
				Map.of());

		assertThat(ledger.countsByStatus(7L)).containsOnly(entry(FileStatus.LOADED, 1L),
				entry(FileStatus.REJECTED, 1L));
		assertThat(readings.runCounts(7L)).isEqualTo(new LedgerReadings.RunCounts(2, 1, 1));
		assertThat(readings.findings(7L, FileStatus.REJECTED, Severity.ERROR))
			.extracting(LedgerReadings.FileFinding::file, LedgerReadings.FileFinding::cell,
					LedgerReadings.FileFinding::message)
			.containsExactly(tuple("东岭区/二小.xlsx — 二小 (2101000002, 2023H1)", "学生!D2", "「一年级」行其中女生30人,多于在校生20人"));
		assertThat(readings.refusedCounts()).containsOnly(entry("2023H1|990102", 1L), entry("2023H1|990103", 1L));
		assertThat(readings.refusals("2023H1")).extracting(LedgerReadings.Refusal::receivedPath)
			.containsExactly("东岭区/二小.xlsx", "西林区/三小.xlsx");
	}

	@Test
	void listsARefusalWithoutASchoolIdAfterThoseWithOneOfItsDistrictOnEveryDatabase() {
		LedgerEntry named = ledgerEntry("临江县/一小_区划代码错误.xlsx", "a5", "990121", FileStatus.REJECTED, 9L);
		LedgerEntry unnamed = new LedgerEntry(0, "临江县/一小_标识码错误.xlsx", "一小_标识码错误.xlsx", 100, "a4", named.modifiedAt(),
				named.receivedAt(), "学校报表", null, "一小", "2023H1", "990121", FileStatus.REJECTED, "学校标识码须为10位数字", null,
				null, false, 9L, null);
		ledger.insert(unnamed);
		ledger.insert(named);

		// NULL sorts first on H2 and last on PostgreSQL unless the query says: the report
		// lists them alike on both
		assertThat(readings.refusals("2023H1")).extracting(LedgerReadings.Refusal::receivedPath)
			.containsExactly("临江县/一小_区划代码错误.xlsx", "临江县/一小_标识码错误.xlsx");
	}

	@Test
	void everyTextColumnTakesAValueLongerThanItselfAndTheEntryIsRecorded() {
		String huge = "长".repeat(40_000);
		long id = ledger.insert(new LedgerEntry(0, "收件箱/" + huge + ".xlsx", huge + ".xlsx", 1, "c1", Instant.EPOCH,
				Instant.EPOCH, "学校报表" + huge, "3".repeat(50), huge, "2023H1" + huge, "990102" + huge,
				FileStatus.REJECTED, huge, null, "2023H1/" + huge, false, 3L));
		Map<String, Object> row = jdbc
			.sql("""
					select received_path, file_name, file_kind, school_id, school_name, period, district_code, reason, archive_path
					from inbox_file where id = ?""")
			.param(id)
			.query()
			.singleRow();
		Map<String, Integer> widths = Map.of("RECEIVED_PATH", 1000, "FILE_NAME", 500, "FILE_KIND", 20, "SCHOOL_ID", 10,
				"SCHOOL_NAME", 200, "PERIOD", 6, "DISTRICT_CODE", 6, "REASON", 4000, "ARCHIVE_PATH", 1000);
		widths.forEach((column, width) -> assertThat(((String) row.get(column)).length()).as(column)
			.isLessThanOrEqualTo(width));
		assertThat((String) row.get("RECEIVED_PATH")).as("a path keeps its file's own name")
			.startsWith("收件箱/")
			.endsWith(".xlsx");
		ledger.note(id, List.of(huge, huge));
		findings.insert(id, "3".repeat(50), "2023H1" + huge,
				List.of(new Finding("X" + huge, Severity.WARNING, CellRef.of(huge, 1, 1), huge, huge, huge)), Map.of());
		Map<String, Object> finding = jdbc
			.sql("select school_id, period, code, sheet, cell, message, reason, vals from finding "
					+ "where file_id = ?")
			.param(id)
			.query()
			.singleRow();
		Map<String, Integer> findingWidths = Map.of("SCHOOL_ID", 10, "PERIOD", 6, "CODE", 10, "SHEET", 100, "CELL", 120,
				"MESSAGE", 2000, "REASON", 2000, "VALS", 1000);
		findingWidths.forEach((column, width) -> assertThat(((String) finding.get(column)).length()).as(column)
			.isLessThanOrEqualTo(width));
	}

	@Test
	void theLastLoadedEntryIgnoresRefusals() {
		long loaded = ledger.insert(ledgerEntry("东岭区/一小.xlsx", "b1", "990102", FileStatus.LOADED, 1L));
		ledger.insert(ledgerEntry("东岭区/二小.xlsx", "b2", "990102", FileStatus.REJECTED, 1L));
		assertThat(readings.lastLoadedId()).isEqualTo(loaded);
	}

	private static LedgerEntry ledgerEntry(String path, String sha, String district, FileStatus status, Long run) {
		String name = path.substring(path.indexOf('/') + 1, path.indexOf('.'));
		return new LedgerEntry(0, path, path.substring(path.indexOf('/') + 1), 100, sha,
				Instant.parse("2023-07-01T00:00:00Z"), Instant.parse("2023-07-02T00:00:00Z"), "学校报表",
				"210100000" + sha.charAt(1), name, "2023H1", district, status,
				status == FileStatus.REJECTED ? "有错误" : null, null, "2023H1/" + district + "/" + sha, false, run);
	}

}
