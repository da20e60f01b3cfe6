package org.edustat.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The inbox folder: every regular file in it and its sub-folders, oldest first, as received. */
public class Inbox {

	private final Path root;

	public Inbox(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	public Path root() {
		return root;
	}

	/** The files waiting, oldest modification time first (then by path), leaving out editors' lock files. */
	public List<InboxFile> scan() {
		if (!Files.isDirectory(root)) {
			return List.of();
		}
		List<InboxFile> files = new ArrayList<>();
		try (Stream<Path> paths = Files.walk(root)) {
			paths.filter(Files::isRegularFile).filter(p -> !isLockOrHidden(p)).forEach(p -> files.add(describe(p)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("无法读取收件箱 (cannot scan inbox) " + root, ex);
		}
		files.sort(Comparator.comparing(InboxFile::modifiedAt).thenComparing(InboxFile::receivedPath));
		return files;
	}

	private InboxFile describe(Path path) {
		try {
			BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
			String relative = root.relativize(path).toString().replace('\\', '/');
			return new InboxFile(path, relative, attributes.size(), attributes.lastModifiedTime().toInstant());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("无法读取文件属性 (cannot stat) " + path, ex);
		}
	}

	private static boolean isLockOrHidden(Path path) {
		String name = path.getFileName().toString();
		return name.startsWith("~$") || name.startsWith(".");
	}
}
