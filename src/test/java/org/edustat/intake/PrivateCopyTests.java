package org.edustat.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.edustat.core.Digests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read what you record: a file's bytes are taken once into a private copy, and its hash
 * and its archived original are that copy's — whatever the sender does to the inbox file
 * afterwards, even rewriting it in place with the same size and time (which the check
 * before recording cannot see).
 */
class PrivateCopyTests {

	@TempDir
	Path dir;

	@Test
	void theHashAndTheArchiveAreOfTheBytesTakenOnce() throws IOException {
		Path inbox = Files.createDirectories(dir.resolve("input"));
		Path file = Files.writeString(inbox.resolve("报表.xlsx"), "first version", StandardCharsets.UTF_8);
		Instant time = Instant.parse("2024-01-01T00:00:00Z");
		Files.setLastModifiedTime(file, FileTime.from(time));
		InboxFile listed = new InboxFile(file, "报表.xlsx", Files.size(file), time);
		String first = Digests.sha256(file);

		InboxFile taken = listed.copiedInto(dir.resolve("data/tmp/received"));
		Files.writeString(file, "other version", StandardCharsets.UTF_8);
		Files.setLastModifiedTime(file, FileTime.from(time));

		assertThat(listed.unchanged()).as("the same size and time: the check before recording cannot tell").isTrue();
		assertThat(taken.copied()).isTrue();
		assertThat(taken.path()).isEqualTo(file);
		assertThat(taken.sha256()).isEqualTo(first);
		String archived = new Archive(dir.resolve("archive")).store(taken, taken.sha256(), "2023H1", "990102");
		assertThat(Files.readString(dir.resolve("archive").resolve(archived), StandardCharsets.UTF_8))
			.isEqualTo("first version");
		assertThat(taken.bytes().getFileName().toString()).startsWith("received-").endsWith(".xlsx");
	}

}
