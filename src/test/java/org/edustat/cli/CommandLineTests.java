package org.edustat.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command answers --help and -h with its usage and exit 0, and refuses an option it
 * does not know before running.
 */
class CommandLineTests {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void everyCommandPrintsItsUsageForHelpAndRunsNothing() {
		for (String command : CommandLine.USAGE.keySet()) {
			for (String help : new String[] { "--help", "-h" }) {
				out.reset();
				assertThat(check(command, "--spring.main.banner-mode=off", help)).as(command + " " + help).contains(0);
				assertThat(text(out)).startsWith("用法 (usage): java -jar edustat.jar");
			}
		}
	}

	@Test
	void anUnknownOptionIsRefusedWithTheUsageAndExit2() {
		assertThat(check("import", "--dry")).contains(2);
		assertThat(text(err)).contains("未知选项 (unknown option): --dry").contains("用法 (usage)");
		assertThat(check("benchmark", "--schools=300", "--cty")).contains(2);
		assertThat(check("serve", "-x")).contains(2);
		assertThat(check("frobnicate")).contains(2);
	}

	@Test
	void theOptionsEachCommandKnowsPass() {
		assertThat(check("import", "--spring.datasource.url=jdbc:h2:mem:x", "--edustat.intake.inbox=input")).isEmpty();
		assertThat(check("benchmark", "--schools=3000", "--warm=32", "--city", "--reports", "--warm")).isEmpty();
		assertThat(check("generate-demo", "--dir=input", "--schools=20", "--seed=7")).isEmpty();
		assertThat(check("dry-run", "学校.xlsx", "--edustat.jobs.folder=jobs")).isEmpty();
		assertThat(check("serve", "--server.port=8081")).isEmpty();
	}

	private Optional<Integer> check(String command, String... args) {
		return CommandLine.check(command, args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	private static String text(ByteArrayOutputStream buffer) {
		return buffer.toString(StandardCharsets.UTF_8);
	}

}
