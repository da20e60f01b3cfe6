package org.edustat.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Consumer;

import org.edustat.core.LogText;
import org.edustat.core.SafeNames;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbox folder: every regular file in it and its sub-folders, oldest first, as
 * received.
 */
public class Inbox {

	private static final Logger log = LoggerFactory.getLogger(Inbox.class);

	/**
	 * The order files are taken in: oldest modification time first, then by path as
	 * received.
	 */
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
		return oldest(1, null).waiting() == 0;
	}

	/**
	 * At most {@code limit} of the files waiting, the oldest that come after
	 * {@code after} in {@link #OLDEST_FIRST} order (all when it is {@code null}), in that
	 * order: Office lock files and hidden files too, to be listed as ignored with their
	 * reason; only an upload still being written (a hidden .part file) is left alone.
	 * Holds no more than {@code limit} files while it looks, however many wait.
	 */
	public Slice oldest(int limit, @Nullable InboxFile after) {
		PriorityQueue<InboxFile> newestKept = new PriorityQueue<>(OLDEST_FIRST.reversed());
		int[] waiting = { 0 };
		walk(file -> {
			if (after != null && OLDEST_FIRST.compare(file, after) <= 0) {
				return;
			}
			waiting[0]++;
			if (newestKept.size() < limit) {
				newestKept.add(file);
			}
			else if (OLDEST_FIRST.compare(file, newestKept.peek()) < 0) {
				newestKept.poll();
				newestKept.add(file);
			}
		});
		List<InboxFile> files = new ArrayList<>(newestKept);
		files.sort(OLDEST_FIRST);
		return new Slice(files, waiting[0]);
	}

	/**
	 * Some of the files waiting, oldest first.
	 *
	 * @param waiting how many files waited after the one the slice was asked to start
	 * after, the slice's included
	 */
	public record Slice(List<InboxFile> files, int waiting) {
	}

	/**
	 * Every regular file below the inbox (a link to one too), with the attributes the
	 * walk read.
	 */
	private void walk(Consumer<InboxFile> each) {
		if (!Files.isDirectory(root)) {
			return;
		}
		try {
			Files.walkFileTree(root, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
					BasicFileAttributes target = attributes;
					if (attributes.isSymbolicLink()) {
						try {
							target = Files.readAttributes(file, BasicFileAttributes.class);
						}
						catch (IOException ex) {
							return FileVisitResult.CONTINUE;
						}
					}
					if (target.isRegularFile() && !isUploadInProgress(file)) {
						each.accept(describe(file, target));
					}
					return FileVisitResult.CONTINUE;
				}

				/**
				 * A folder or file that cannot be read (its permissions) is passed over
				 * and said; the rest is taken.
				 */
				@Override
				public FileVisitResult visitFileFailed(Path file, IOException ex) {
					log.warn("收件箱中无法读取的文件夹或文件,已跳过,请检查其权限 (unreadable entry in the inbox, skipped): {} ({})",
							LogText.of(root.relativize(file).toString()), ex.getClass().getSimpleName());
					try {
						// listed as it is, so that the ledger notes it (已忽略, with the
						// reason) rather than the log alone
						each.accept(describe(file,
								Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)));
					}
					catch (IOException unlisted) {
						// not even its attributes: the warning above is all that can be
						// said
					}
					return FileVisitResult.CONTINUE;
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("无法读取收件箱 (cannot scan inbox) " + root, ex);
		}
	}

	private InboxFile describe(Path path, BasicFileAttributes attributes) {
		StringBuilder relative = new StringBuilder();
		for (Path element : root.relativize(path)) {
			relative.append(relative.isEmpty() ? "" : "/").append(element);
		}
		String received = relative.toString();
		if (received.indexOf('\uFFFD') >= 0) {
			// a name the platform cannot spell (a Windows archive's GBK names, unzipped
			// here): each such character reads as
			// U+FFFD, so two files may read alike — the file's own number on the disk
			// keeps their records apart
			received = received + "#" + inode(path);
		}
		return new InboxFile(path, received, attributes.size(), attributes.lastModifiedTime().toInstant());
	}

	private static String inode(Path path) {
		try {
			return String.valueOf(Files.getAttribute(path, "unix:ino", LinkOption.NOFOLLOW_LINKS));
		}
		catch (IOException | UnsupportedOperationException | IllegalArgumentException ex) {
			return Integer.toHexString(System.identityHashCode(path));
		}
	}

	private static boolean isUploadInProgress(Path path) {
		String name = path.getFileName().toString();
		return name.startsWith(".") && name.endsWith(".part");
	}

	/**
	 * Puts an uploaded file into the inbox under 上传/<user>/ with its name (or the name
	 * with (2), (3) … before its extension when a file of that name waits there already):
	 * written as a hidden .part file the import leaves alone, then renamed at once.
	 * @return the file in the inbox
	 */
	public Path receiveUpload(String username, String name, Path from) throws IOException {
		Path folder = SafeNames.under(root, root.resolve("上传").resolve(SafeNames.of(username)));
		Files.createDirectories(folder);
		Path target = unused(folder, SafeNames.of(name));
		Path partial = folder.resolve("." + target.getFileName() + ".part");
		Files.copy(from, partial, StandardCopyOption.REPLACE_EXISTING);
		Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
		return target;
	}

	private static Path unused(Path folder, String name) {
		int dot = name.lastIndexOf('.');
		String base = dot > 0 ? name.substring(0, dot) : name;
		String extension = dot > 0 ? name.substring(dot) : "";
		Path target = folder.resolve(name);
		for (int n = 2; Files.exists(target); n++) {
			target = folder.resolve(base + "(" + n + ")" + extension);
		}
		return target;
	}

	/**
	 * Why a file of this name is not read as a workbook (an Office lock file, a hidden
	 * file), if it is not.
	 */
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
