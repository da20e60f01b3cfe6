package org.edustat.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.edustat.cli.ImportCommand;
import org.edustat.core.Digests;
import org.edustat.demo.DemoInbox;
import org.edustat.examine.Examined;
import org.edustat.intake.InboxFile;
import org.edustat.pipeline.internal.ExaminingProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.batch.test.MetaDataInstanceFactory;
import org.springframework.batch.test.StepScopeTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The submissions step's processor only reads and examines: over a whole inbox of every
 * kind of file — clean, warned, refused, hostile, reference data, a file already recorded
 * — on its examining threads and on the caller's, it changes no row of any table and no
 * byte of any file (inbox, archive, output, database); the one thing it leaves is its
 * private copy of each file's bytes, which the writer discards once the file is recorded.
 */
@SpringBootTest
class ProcessorWritesNothingIntegrationTests {

	static final Path ROOT = ImportJobIntegrationTestsSupport.tempRoot("edustat-processor");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ImportJobIntegrationTestsSupport.folders(registry, ROOT, "processor-tests");
	}

	@Autowired
	ImportCommand importCommand;

	@Autowired
	@Qualifier("examiningProcessor")
	ExaminingProcessor processor;

	@Autowired
	JdbcClient jdbc;

	@Test
	void examiningAnInboxOfEveryKindChangesNoRowAndNoFile() throws Exception {
		ImportJobIntegrationTestsSupport.startFromNothing(jdbc, ROOT);
		Path inbox = ROOT.resolve("input");
		new DemoInbox(inbox, 2023).writeDemo(30);
		ImportJobIntegrationTestsSupport.runImport(importCommand);
		List<Path> files = new DemoInbox(inbox, 7).writeDemo(30);
		Path again = Files.copy(ROOT.resolve("archive").resolve(firstArchived()), inbox.resolve("再次发送.xlsx"));
		List<Path> all = new ArrayList<>(files);
		all.add(again);
		Map<String, String> tablesBefore = tables();
		Map<String, String> filesBefore = files();
		assertThat(tablesBefore.get("INBOX_FILE")).as("the first run recorded its files").isNotEqualTo("0 rows");

		List<InboxFile> listed = new ArrayList<>();
		for (Path file : all) {
			listed.add(new InboxFile(file, inbox.relativize(file).toString().replace('\\', '/'), Files.size(file),
					Files.getLastModifiedTime(file).toInstant()));
		}
		// in the step's scope, as the submissions step runs it: half announced ahead
		// (examined on the examining
		// threads), half examined on this thread
		List<Examined> examined = StepScopeTestUtils.doInStepScope(MetaDataInstanceFactory.createStepExecution(),
				() -> {
					for (int i = 0; i < listed.size(); i += 2) {
						processor.ahead(listed.get(i));
					}
					List<Examined> results = new ArrayList<>();
					for (InboxFile file : listed) {
						results.add(processor.process(file));
					}
					return results;
				});

		assertThat(examined.stream().map(Examined::outcome).collect(Collectors.toSet()))
			.as("every path of the examiner was taken")
			.contains(Examined.Outcome.SUBMISSION, Examined.Outcome.REJECTED, Examined.Outcome.REFERENCE);
		assertThat(examined).filteredOn(e -> e.earlier() != null)
			.as("the file sent again is known by its bytes")
			.isNotEmpty();
		assertThat(tables()).as("every table, row by row").isEqualTo(tablesBefore);
		assertThat(files()).as("every file of the inbox, archive, output and database folders").isEqualTo(filesBefore);
		Set<String> inboxHashes = new HashSet<>();
		for (Path file : all) {
			inboxHashes.add(Digests.sha256(file));
		}
		try (Stream<Path> copies = Files.list(ROOT.resolve("tmp/received"))) {
			for (Path copy : copies.toList()) {
				assertThat(inboxHashes).as("a private copy holds an inbox file's bytes: %s", copy)
					.contains(Digests.sha256(copy));
			}
		}
	}

	private String firstArchived() throws IOException {
		try (Stream<Path> archived = Files.walk(ROOT.resolve("archive"))) {
			return ROOT.resolve("archive")
				.relativize(archived.filter(p -> p.toString().endsWith(".xlsx")).findFirst().orElseThrow())
				.toString();
		}
	}

	/** Every table of the schema: its rows, in a fixed order, as text. */
	private Map<String, String> tables() {
		Map<String, String> tables = new TreeMap<>();
		for (String table : jdbc.sql("select table_name from information_schema.tables where table_schema = 'PUBLIC'")
			.query(String.class)
			.list()) {
			List<String> rows = jdbc.sql("select * from \"" + table + "\"").query((rs, n) -> {
				StringBuilder row = new StringBuilder();
				for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
					row.append(rs.getString(c)).append('|');
				}
				return row.toString();
			}).list().stream().sorted().toList();
			tables.put(table, rows.isEmpty() ? "0 rows" : String.join("\n", rows));
		}
		return tables;
	}

	/**
	 * Every file under the run's folders but the examiner's scratch folder: its size,
	 * time and SHA-256.
	 */
	private Map<String, String> files() throws IOException {
		Map<String, String> files = new TreeMap<>();
		try (Stream<Path> walk = Files.walk(ROOT)) {
			for (Path file : walk.filter(Files::isRegularFile)
				.filter(p -> !p.startsWith(ROOT.resolve("tmp")))
				.toList()) {
				files.put(ROOT.relativize(file).toString(), Files.size(file) + " "
						+ Files.getLastModifiedTime(file).toMillis() + " " + Digests.sha256(file));
			}
		}
		return files;
	}

}
