package org.edustat.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;

import org.edustat.cli.ImportCommand;
import org.edustat.core.FileFormat;
import org.edustat.examine.Examined;
import org.edustat.examine.Examiner;
import org.edustat.intake.Inbox;
import org.edustat.intake.InboxFile;
import org.edustat.load.FileRecorder;
import org.edustat.testing.HandWorkbook;
import org.edustat.testing.Workbooks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A school's correction that replaces its first file in the inbox after EduStat examined
 * the first and before it recorded it — by an atomic rename, or written in place: the
 * first examination is not recorded (its bytes are no longer there to archive), the
 * correction is neither removed nor lost, and the next run loads it.
 */
@SpringBootTest
class ChangedFileIntegrationTests {

	static final Path ROOT = ImportJobIntegrationTestsSupport.tempRoot("edustat-changed-file");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ImportJobIntegrationTestsSupport.folders(registry, ROOT, "changed-file");
	}

	@Autowired
	Inbox inbox;

	@Autowired
	Examiner examiner;

	@Autowired
	FileRecorder recorder;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	ImportCommand importCommand;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCorrectionThatReplacesTheExaminedFileIsNeitherRemovedNorLostAndLoadsNextRun() throws Exception {
		for (boolean rename : new boolean[] { true, false }) {
			ImportJobIntegrationTestsSupport.startFromNothing(jdbc, ROOT);
			Path folder = ROOT.resolve("input");
			Path first = Workbooks.write(folder, "学校.xlsx",
					new HandWorkbook("3901029501", "测试小学", "2023H1").bytes(FileFormat.XLSX),
					Instant.parse("2024-01-01T00:00:00Z"));
			InboxFile listed = inbox.oldest(10, null).files().get(0);
			Examined examined = examiner.examine(listed, d -> true);
			assertThat(examined.outcome()).isEqualTo(Examined.Outcome.SUBMISSION);

			byte[] correction = new HandWorkbook("3901029501", "测试小学", "2023H1").scale(2).bytes(FileFormat.XLSX);
			if (rename) {
				Path part = Workbooks.write(folder, ".学校.xlsx.part", correction, Instant.parse("2024-01-02T00:00:00Z"));
				Files.move(part, first, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			else {
				Files.write(first, correction);
			}
			new TransactionTemplate(transactions)
				.executeWithoutResult(status -> recorder.record(List.of(examined), null));

			assertThat(jdbc.sql("select count(*) from inbox_file").query(Long.class).single()).as("rename " + rename)
				.isZero();
			assertThat(Files.readAllBytes(first)).as("the correction stays in the inbox").isEqualTo(correction);
			ImportJobIntegrationTestsSupport.runImport(importCommand);
			assertThat(jdbc.sql("""
					select val from submission_value where school_id = '3901029501' and period = '2023H1'
					and sheet = '学生' and row_key = '合计' and column_key = '在校生数'""").query(Long.class).single())
				.as("the correction's figures, rename " + rename)
				.isEqualTo(316L);
			assertThat(Files.exists(first)).isFalse();
		}
	}

}
