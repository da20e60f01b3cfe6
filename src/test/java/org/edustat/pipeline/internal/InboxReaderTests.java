package org.edustat.pipeline.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.edustat.intake.Inbox;
import org.edustat.intake.InboxFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox reader lists the inbox a slice at a time: the files come oldest first across
 * slices, each announced to the examiners exactly the window ahead of being handed over,
 * and the reader never holds more than a slice and the window, however many files wait.
 */
class InboxReaderTests {

	private static final Instant T0 = Instant.parse("2023-07-01T08:00:00Z");

	@TempDir
	Path inbox;

	@Test
	void handsOverEveryFileOldestFirstASliceAtATimeEachAnnouncedTheWindowAhead() throws IOException {
		List<Integer> minutes = new ArrayList<>();
		for (int i = 0; i < 53; i++) {
			minutes.add(i);
		}
		Collections.shuffle(minutes, new Random(7));
		List<String> expected = new ArrayList<>();
		for (int minute = 0; minute < 53; minute++) {
			expected.add(String.format("%02d/f%02d.xlsx", minute % 3, minute));
		}
		for (int minute : minutes) {
			write(String.format("%02d/f%02d.xlsx", minute % 3, minute), minute);
		}
		// the same time: taken by path
		write("00/same-b.xlsx", 60);
		write("00/same-a.xlsx", 60);
		expected.add("00/same-a.xlsx");
		expected.add("00/same-b.xlsx");
		List<String> announced = new ArrayList<>();
		int slice = 7;
		int window = 10;
		InboxReader reader = new InboxReader(new Inbox(inbox), null, null, null, f -> announced.add(f.receivedPath()),
				window, slice);
		ExecutionContext context = new ExecutionContext();

		reader.open(context);
		List<String> read = new ArrayList<>();
		for (InboxFile file = reader.read(); file != null; file = reader.read()) {
			read.add(file.receivedPath());
			assertThat(announced).as("announced when file %d is handed over", read.size())
				.hasSize(Math.min(read.size() + window, expected.size()));
			assertThat(reader.held()).isLessThanOrEqualTo(slice + window);
		}

		assertThat(read).containsExactlyElementsOf(expected);
		assertThat(announced).containsExactlyElementsOf(expected);
		assertThat(context.getInt("inbox.total")).isEqualTo(55);
	}

	@Test
	void aFilteringReaderKeepsWhatItWantsFromEverySlice() throws IOException {
		List<String> expected = new ArrayList<>();
		for (int minute = 29; minute >= 0; minute--) {
			String name = (minute % 4 == 0 ? "区县" : "学校") + String.format("%02d.xlsx", minute);
			write(name, minute);
		}
		for (int minute = 0; minute < 30; minute += 4) {
			expected.add("区县" + String.format("%02d.xlsx", minute));
		}
		InboxReader reader = new InboxReader(new Inbox(inbox), f -> f.receivedPath().startsWith("区县"), null, null,
				f -> {
				}, 0, 4);
		ExecutionContext context = new ExecutionContext();

		reader.open(context);

		assertThat(reader.held()).isEqualTo(expected.size());
		List<String> read = new ArrayList<>();
		for (InboxFile file = reader.read(); file != null; file = reader.read()) {
			read.add(file.receivedPath());
		}
		assertThat(read).containsExactlyElementsOf(expected);
		assertThat(context.getInt("inbox.total")).isEqualTo(expected.size());
	}

	@Test
	void aFileArrivingDuringTheStepIsTakenIfItSortsAfterTheFilesListedAndAFileChangedInFlightIsTakenOnce()
			throws IOException {
		for (int minute = 0; minute < 10; minute++) {
			write(String.format("f%02d.xlsx", minute), minute);
		}
		InboxReader reader = new InboxReader(new Inbox(inbox), null, null, null, f -> {
		}, 0, 3);
		reader.open(new ExecutionContext());
		List<InboxFile> read = new ArrayList<>();
		read.add(reader.read());
		read.add(reader.read());
		read.add(reader.read());

		write("new.xlsx", 100);
		write("old-copy.xlsx", -5);
		// f02 has been handed over but not yet recorded when its school sends it again:
		// it now sorts inside the next slice
		Files.write(inbox.resolve("f02.xlsx"), new byte[] { 2 });
		Files.setLastModifiedTime(inbox.resolve("f02.xlsx"), FileTime.from(T0.plusSeconds(210)));
		for (InboxFile file = reader.read(); file != null; file = reader.read()) {
			read.add(file);
			// the writer records a file (and takes it from the inbox) two files after it
			// is handed over
			Files.deleteIfExists(read.get(read.size() - 3).path());
		}

		assertThat(read).extracting(InboxFile::receivedPath)
			.containsExactly("f00.xlsx", "f01.xlsx", "f02.xlsx", "f03.xlsx", "f04.xlsx", "f05.xlsx", "f06.xlsx",
					"f07.xlsx", "f08.xlsx", "f09.xlsx", "new.xlsx");
		assertThat(new Inbox(inbox).oldest(1, null).files()).extracting(InboxFile::receivedPath)
			.containsExactly("old-copy.xlsx");
	}

	@Test
	void takesALinkToAFileAndLeavesAnUploadInProgressAndADanglingLink(@TempDir Path elsewhere) throws IOException {
		write("a.xlsx", 1);
		Path outside = elsewhere.resolve("b.xlsx");
		Files.write(outside, new byte[] { 1 });
		Files.setLastModifiedTime(outside, FileTime.from(T0.plusSeconds(120)));
		Files.createSymbolicLink(inbox.resolve("b.xlsx"), outside);
		Files.createSymbolicLink(inbox.resolve("gone.xlsx"), elsewhere.resolve("gone.xlsx"));
		write(".c.xlsx.part", 3);
		write("~$a.xlsx", 4);

		Inbox.Slice all = new Inbox(inbox).oldest(10, null);

		assertThat(all.files()).extracting(InboxFile::receivedPath).containsExactly("a.xlsx", "b.xlsx", "~$a.xlsx");
		assertThat(all.files().get(1).modifiedAt()).isEqualTo(T0.plusSeconds(120));
		assertThat(all.waiting()).isEqualTo(3);
	}

	private void write(String name, int minute) throws IOException {
		Path file = inbox.resolve(name);
		Files.createDirectories(file.getParent());
		Files.write(file, name.getBytes());
		Files.setLastModifiedTime(file, FileTime.from(T0.plusSeconds(60L * minute)));
	}

}
