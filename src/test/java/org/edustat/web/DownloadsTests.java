package org.edustat.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

import org.edustat.users.EdustatUser;
import org.edustat.users.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class DownloadsTests {

	@TempDir
	Path output;

	/**
	 * A school's receipts in the order it sent its files — (2) after the first, (10)
	 * after (9) — not in code-point order.
	 */
	@Test
	void aSchoolsReceiptsAreListedInTheOrderOfItsSubmissions() throws IOException {
		Path folder = Files.createDirectories(output.resolve("回执/2023H1/990102"));
		for (String name : new String[] { "清源区第一小学_2023H1_回执(10).xlsx", "清源区第一小学_2023H1_回执(2).xls",
				"清源区第一小学_2023H1_回执.xlsx", "清源区第一小学_2023H1_回执(9).xlsx" }) {
			Files.writeString(folder.resolve(name), "x");
		}
		Files.writeString(output.resolve("2023H1 半年报.xlsx"), "x");
		EdustatUser user = new EdustatUser("qy", "x", true, Role.VIEWER, "990102");
		assertThat(new Downloads(output, ZoneId.of("Asia/Shanghai")).visibleTo(user).stream().map(Downloads.Item::name))
			.containsExactly("2023H1 半年报.xlsx", "清源区第一小学_2023H1_回执.xlsx", "清源区第一小学_2023H1_回执(2).xls",
					"清源区第一小学_2023H1_回执(9).xlsx", "清源区第一小学_2023H1_回执(10).xlsx");
	}

}
