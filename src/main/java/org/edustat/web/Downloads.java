package org.edustat.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.edustat.reports.FeedbackWorkbooks;
import org.edustat.users.EdustatUser;
import org.jspecify.annotations.Nullable;

/**
 * The files a user may download, each known by an opaque id (a hash of its place in the
 * output folder): a request names an id, never a path, so nothing a browser sends reaches
 * the file system.
 */
public class Downloads {

	/**
	 * A downloadable file: its id, name, kind, district (feedback workbooks) and size.
	 */
	public record Item(String id, String name, String kind, @Nullable String period, @Nullable String district,
			long size, Path path, @Nullable Instant modified, ZoneId zone) {

		/** The size as a person reads it: 812 B, 12.3 KB, 4.1 MB. */
		public String shownSize() {
			return size < 1024 ? size + " B" : size < 1024 * 1024 ? String.format("%.1f KB", size / 1024.0)
					: String.format("%.1f MB", size / 1024.0 / 1024.0);
		}

		/**
		 * When it was written, to the second, in the configured time zone (the same as on
		 * every page).
		 */
		public String shownTime() {
			return modified == null ? ""
					: DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone).format(modified);
		}
	}

	private final Path output;

	private final ZoneId zone;

	private final LongFunction<Optional<String>> receipts;

	/**
	 * @param zone the configured time zone the pages show times in
	 */
	public Downloads(Path output, ZoneId zone) {
		this(output, zone, id -> Optional.empty());
	}

	/**
	 * @param receipts where the 回执 of a ledger entry is, under the output folder
	 */
	public Downloads(Path output, ZoneId zone, LongFunction<Optional<String>> receipts) {
		this.output = output.toAbsolutePath().normalize();
		this.zone = zone;
		this.receipts = receipts;
	}

	/**
	 * The reports (whole city) and the feedback workbooks of the user's district (all for
	 * a city-wide user).
	 */
	public List<Item> visibleTo(EdustatUser user) {
		if (!Files.isDirectory(output)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(output)) {
			return files.filter(Files::isRegularFile)
				.filter(p -> !p.getFileName().toString().startsWith("."))
				.map(this::item)
				.filter(item -> item.kind().equals("报表") || user.sees(item.district()))
				.sorted(Comparator.comparing((Item i) -> i.kind().equals("报表") ? 0 : i.kind().equals("回执") ? 1 : 2)
					.thenComparing(i -> i.period() == null ? "" : i.period(), Comparator.reverseOrder())
					.thenComparing(i -> i.district() == null ? "" : i.district())
					.thenComparing(Downloads::inOrderOfSubmission))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static final Pattern NUMBERED = Pattern.compile("^(.*?)(?:\\((\\d+)\\))?\\.[^.]*$");

	/**
	 * A school's 回执 in the order of its submissions: 学校_2023H1_回执, then 学校_2023H1_回执(2),
	 * (3) … (10).
	 */
	private static String inOrderOfSubmission(Item item) {
		Matcher m = NUMBERED.matcher(item.name());
		if (!m.matches()) {
			return item.name();
		}
		int n = m.group(2) == null ? 1 : Integer.parseInt(m.group(2).length() > 6 ? "999999" : m.group(2));
		return m.group(1) + "\t" + String.format("%06d", n);
	}

	/**
	 * Where the 回执 of a ledger entry is, if one was written and is still in the output
	 * folder.
	 */
	public Optional<Path> receiptOf(long fileId) {
		return receipts.apply(fileId)
			.map(relative -> output.resolve(relative).toAbsolutePath().normalize())
			.filter(path -> path.startsWith(output) && Files.isRegularFile(path));
	}

	public Optional<Item> find(EdustatUser user, String id) {
		return visibleTo(user).stream().filter(item -> item.id().equals(id)).findFirst();
	}

	/** The download of a file the output folder holds, if the user may see it. */
	public Optional<Item> of(EdustatUser user, Path file) {
		Path absolute = file.toAbsolutePath().normalize();
		if (!absolute.startsWith(output) || !Files.isRegularFile(absolute)) {
			return Optional.empty();
		}
		Item item = item(absolute);
		return item.kind().equals("报表") || user.sees(item.district()) ? Optional.of(item) : Optional.empty();
	}

	private Item item(Path file) {
		Path relative = output.relativize(file);
		String kind = relative.getNameCount() > 1 && relative.getName(0).toString().equals(FeedbackWorkbooks.FOLDER)
				? "回执" : relative.getNameCount() > 1 ? "试审回执" : "报表";
		String period = kind.equals("回执") && relative.getNameCount() > 3 ? relative.getName(1).toString() : null;
		String district = kind.equals("回执") && relative.getNameCount() > 3 ? relative.getName(2).toString() : null;
		long size;
		Instant modified;
		try {
			size = Files.size(file);
			modified = Files.getLastModifiedTime(file).toInstant();
		}
		catch (IOException ex) {
			size = 0;
			modified = null;
		}
		return new Item(id(relative.toString()), file.getFileName().toString(), kind, period, district, size, file,
				modified, zone);
	}

	private static String id(String relative) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(relative.getBytes(StandardCharsets.UTF_8)))
				.substring(0, 32);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
