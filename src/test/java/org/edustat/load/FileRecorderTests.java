package org.edustat.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import org.edustat.core.CellRef;
import org.edustat.core.Finding;
import org.edustat.core.Identity;
import org.edustat.examine.Examined;
import org.edustat.intake.Archive;
import org.edustat.intake.InboxFile;
import org.edustat.ledger.FileStatus;
import org.edustat.ledger.FindingStore;
import org.edustat.ledger.Ledger;
import org.edustat.ledger.LedgerEntry;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The writer's record of a chunk on the real schema: the files of a chunk whose bytes the
 * ledger came to hold after they were examined (examining runs ahead of recording, and
 * another process may record the same bytes meanwhile) are duplicates of that entry.
 */
class FileRecorderTests {

	private static final AtomicInteger DATABASES = new AtomicInteger();

	@TempDir
	Path root;

	private Ledger ledger;

	private FileRecorder recorder;

	private TransactionTemplate transaction;

	@BeforeEach
	void migrated() {
		DataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:file-recorder-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1", "sa", "");
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration", "classpath:db/vendor/h2")
			.load()
			.migrate();
		JdbcTemplate template = new JdbcTemplate(dataSource);
		JdbcClient jdbc = JdbcClient.create(dataSource);
		DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
		ledger = new Ledger(template);
		recorder = new FileRecorder(ledger, new Archive(root.resolve("archive")),
				new SubmissionStore(jdbc, template, new FigureKeys(dataSource)), new ReferenceStore(jdbc, template),
				new FindingStore(template), transactions, Clock.systemUTC());
		transaction = new TransactionTemplate(transactions);
	}

	@Test
	void filesWhoseBytesTheLedgerCameToHoldAfterTheyWereExaminedAreDuplicatesOfThatEntry() throws Exception {
		Examined first = refused("东岭区/一小.xlsx", "一小的文件");
		Examined copy = refused("东岭区/一小(副本).xlsx", "一小的文件");
		Examined other = refused("东岭区/二小.xlsx", "二小的文件");
		// committed by another chunk or process after the three were examined (their
		// look-up found nothing)
		long earlier = ledger.insert(new LedgerEntry(0, "西林区/一小.xlsx", "一小.xlsx", 15, first.sha256(),
				Instant.parse("2023-07-01T00:00:00Z"), Instant.parse("2023-07-02T00:00:00Z"), "学校报表", "2101000001",
				"一小", "2023H1", "990102", FileStatus.LOADED, null, null, "2023H1/990102/x.xlsx", false, 7L));

		transaction.executeWithoutResult(status -> recorder.record(List.of(first, copy, other), 8L));

		assertThat(ledger.withHash(first.sha256())).extracting(LedgerEntry::receivedPath, LedgerEntry::status)
			.containsExactly(tuple("西林区/一小.xlsx", FileStatus.LOADED), tuple("东岭区/一小.xlsx", FileStatus.DUPLICATE),
					tuple("东岭区/一小(副本).xlsx", FileStatus.DUPLICATE));
		assertThat(ledger.withHash(first.sha256()).get(1).reason())
			.isEqualTo("与已登记的文件#" + earlier + "(西林区/一小.xlsx)内容完全相同,未重复入库");
		assertThat(ledger.withHash(other.sha256())).extracting(LedgerEntry::receivedPath, LedgerEntry::status)
			.containsExactly(tuple("东岭区/二小.xlsx", FileStatus.REJECTED));
	}

	/** A file examined and refused, its look-up of earlier entries having found none. */
	private Examined refused(String receivedPath, String content) throws Exception {
		Path path = root.resolve("input").resolve(receivedPath);
		Files.createDirectories(path.getParent());
		Files.writeString(path, content);
		InboxFile file = new InboxFile(path, receivedPath, Files.size(path),
				Files.getLastModifiedTime(path).toInstant());
		return new Examined(file, file.sha256(), Examined.Outcome.REJECTED, null, null,
				List.of(Finding.error("F02", CellRef.workbook(), "文件无法识别", "not a workbook")), null, Identity.UNKNOWN,
				null);
	}

}
