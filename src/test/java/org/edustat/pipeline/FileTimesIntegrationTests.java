package org.edustat.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.edustat.cli.ImportCommand;
import org.edustat.core.FileFormat;
import org.edustat.testing.HandWorkbook;
import org.edustat.testing.Workbooks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file's own time counts only up to the moment it was received: a workbook dated 2099
 * does not beat a correction.
 */
@SpringBootTest
class FileTimesIntegrationTests {

	static final Path ROOT = ImportJobIntegrationTestsSupport.tempRoot("edustat-file-times");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ImportJobIntegrationTestsSupport.folders(registry, ROOT, "file-times");
	}

	@Autowired
	ImportCommand importCommand;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aFileFromTheFutureDoesNotBeatALaterCorrection() throws Exception {
		ImportJobIntegrationTestsSupport.startFromNothing(jdbc, ROOT);
		Path inbox = ROOT.resolve("input");
		Workbooks.write(inbox, "first.xlsx", new HandWorkbook("3901029101", "测试小学", "2023H1").bytes(FileFormat.XLSX),
				Instant.parse("2099-01-01T00:00:00Z"));
		ImportJobIntegrationTestsSupport.runImport(importCommand);
		Thread.sleep(20);
		Files.createDirectories(inbox);
		Workbooks.write(inbox, "correction.xlsx",
				new HandWorkbook("3901029101", "测试小学", "2023H1").scale(2).bytes(FileFormat.XLSX), Instant.now());
		String out = ImportJobIntegrationTestsSupport.runImport(importCommand);
		assertThat(jdbc.sql("select received_path, status from inbox_file order by id")
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
			.list()).as(out).isEqualTo(List.of("first.xlsx 已替换", "correction.xlsx 已入库"));
		assertThat(jdbc.sql("""
				select val from submission_value where school_id = '3901029101' and period = '2023H1'
				and sheet = '学生' and row_key = '合计' and column_key = '在校生数'""").query(Long.class).single())
			.isEqualTo(316L);
	}

}
