package org.edustat.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** The inbox folder: every regular file in it and its sub-folders, oldest first, as received. */
public class Inbox {

	/** The order files are taken in: oldest modification time first, then by path as received. */
	public static final Comparator<InboxFile> OLDEST_FIRST = Comparator.comparing(InboxFile::modifiedAt)
		.thenComparing(InboxFile::receivedPath);

	private final Path root;

	public Inbox(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	public Path root() {
		return root;
	}

	/** Whether no file waits (an upload still being written does not count). */
	public boolean isEmpty() {
		return count() == 0;
	}

	/** How many files wait. */
	public int count() {
		int[] count = { 0 };
		walk(file -> count[0]++);
		return count[0];
	}

	/**
	 * At most {@code limit} of the files waiting, the oldest that come after {@code after} in {@link #OLDEST_FIRST}
	 * order (all when it is {@code null}), in that order: Office lock files and hidden files too, to be listed as ignored
	 * with their reason; only an upload still being written (a hidden .part file) is left alone. Holds no more than
	 * {@code limit} files while it looks, however many wait.
	 */
	public List<InboxFile> oldest(int limit, InboxFile after) {
		PriorityQueue<InboxFile> newestKept = new PriorityQueue<>(OLDEST_FIRST.reversed());
		walk(file -> {
			if (after != null && OLDEST_FIRST.compare(file, after) <= 0) {
				return;
			}
			if (newestKept.size() < limit) {
				newestKept.add(file);
			}
			else if (OLDEST_FIRST.compare(file, newestKept.peek()) < 0) {
				newestKept.poll();
				newestKept.add(file);
			}
		});
		List<InboxFile> slice = new ArrayList<>(newestKept);
		slice.sort(OLDEST_FIRST);
		return slice;
	}

	private void walk(Consumer<InboxFile> each) {
		if (!Files.isDirectory(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			paths.filter(Files::isRegularFile).filter(p -> !isUploadInProgress(p)).forEach(p -> each.accept(describe(p)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("无法读取收件箱 (cannot scan inbox) " + root, ex);
		}
	}

	private InboxFile describe(Path path) {
		try {
			BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
			StringBuilder relative = new StringBuilder();
			for (Path element : root.relativize(path)) {
				relative.append(relative.isEmpty() ? "" : "/").append(element);
			}
			return new InboxFile(path, relative.toString(), attributes.size(), attributes.lastModifiedTime().toInstant());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("无法读取文件属性 (cannot stat) " + path, ex);
		}
	}

	private static boolean isUploadInProgress(Path path) {
		String name = path.getFileName().toString();
		return name.startsWith(".") && name.endsWith(".part");
	}

	/** Why a file of this name is not read as a workbook (an Office lock file, a hidden file), if it is not. */
	public static Optional<String> ignoredBecause(String fileName) {
		if (fileName.startsWith("~$")) {
			return Optional.of("Office 临时锁定文件(文件名以 ~$ 开头,表格软件打开文件时生成),不是报表,已忽略");
		}
		if (fileName.startsWith(".")) {
			return Optional.of("隐藏文件(文件名以 . 开头),不作为报表读取,已忽略");
		}
		return Optional.empty();
	}
}
