package org.edustat.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;

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
 * One import at a time: while another live process holds the database's import lock, an
 * import touches nothing and says who holds it (exit code 3); a holder that stopped
 * beating a minute ago was killed, and its hold is taken over.
 */
@SpringBootTest
class ImportLockIntegrationTests {

	static final Path ROOT = ImportJobIntegrationTestsSupport.tempRoot("edustat-import-lock");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ImportJobIntegrationTestsSupport.folders(registry, ROOT, "import-lock");
	}

	@Autowired
	ImportCommand importCommand;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSecondImportWaitsForNobodyAndChangesNothingWhileTheFirstHoldsTheLock() throws Exception {
		ImportJobIntegrationTestsSupport.startFromNothing(jdbc, ROOT);
		Workbooks.write(ROOT.resolve("input"), "a.xlsx",
				new HandWorkbook("3901029401", "测试小学", "2023H1").bytes(FileFormat.XLSX),
				Instant.parse("2024-01-01T00:00:00Z"));
		long other = ProcessHandle.current().parent().orElseThrow().pid();
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("insert into import_lock (id, pid, host, started_at, heartbeat_at) values (1, ?, ?, ?, ?)")
			.params(other, InetAddress.getLocalHost().getHostName(), now, now)
			.update();

		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		int code = importCommand.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
		assertThat(code).isEqualTo(3);
		assertThat(buffer.toString(StandardCharsets.UTF_8)).startsWith("另一个导入正在运行(进程 " + other + ",主机 ")
			.contains("本次不导入,也不改动任何数据");
		assertThat(jdbc.sql("select count(*) from inbox_file").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from batch_job_execution").query(Long.class).single()).isZero();

		jdbc.sql("update import_lock set heartbeat_at = ?")
			.param(Timestamp.from(Instant.now().minusSeconds(120)))
			.update();
		String out = ImportJobIntegrationTestsSupport.runImport(importCommand);
		assertThat(out).contains("2023H1: 已入库 1");
		assertThat(jdbc.sql("select count(*) from import_lock").query(Long.class).single()).as("let go at the end")
			.isZero();
	}

}
