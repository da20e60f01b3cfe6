package org.edustat.pipeline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.edustat.demo.DemoCommand;
import org.edustat.demo.DemoInbox;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged command under cron's locale, {@code LANG=C}: the demo inbox (every file
 * and folder named in Chinese) is imported as under a UTF-8 locale, every file in the
 * ledger, the reports and the 回执 written under their Chinese names.
 */
class LocaleIntegrationTests {

	@Test
	void theDemoImportsUnderTheCLocaleAsUnderUtf8() throws Exception {
		Path root = Files.createTempDirectory("edustat-locale");
		// the demo inbox as generate-demo writes it (input/ of the checkout is emptied by
		// the README's first command)
		new DemoInbox(root.resolve("input"), DemoCommand.DEFAULT_SEED).writeDemo(DemoCommand.DEFAULT_SCHOOLS);
		int files;
		try (Stream<Path> walk = Files.walk(root.resolve("input"))) {
			files = (int) walk.filter(Files::isRegularFile).count();
		}
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar",
						Path.of("target/edustat.jar").toAbsolutePath().toString(), "import",
						"--spring.datasource.url=jdbc:h2:file:" + root.resolve("db/edustat"),
						"--edustat.jobs.folder=" + Path.of("jobs").toAbsolutePath()));
		ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
			.redirectErrorStream(true)
			.redirectOutput(root.resolve("import.log").toFile());
		builder.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG"));
		builder.environment().put("LANG", "C");
		builder.environment().put("LC_ALL", "C");
		Process process = builder.start();
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
		String log = Files.readString(root.resolve("import.log"), StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(log).isZero();
		assertThat(log).contains("导入结束 (import finished)").contains("状态 COMPLETED, " + files + " 个文件");
		assertThat(root.resolve("output/2023Y 年报.xlsx")).isRegularFile();
		assertThat(root.resolve("output/回执/未识别")).isDirectory();
		try (Stream<Path> left = Files.walk(root.resolve("input"))) {
			assertThat(left.filter(Files::isRegularFile).toList()).as("every file decided and taken from the inbox")
				.isEmpty();
		}
	}

}
