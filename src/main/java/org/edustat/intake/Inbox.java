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

	/**
	 * The files waiting, oldest modification time first (then by path): Office lock files and hidden files too, to be
	 * listed as ignored with their reason; only an upload still being written (a hidden .part file) is left alone.
	 */
	public List<InboxFile> scan() {
		if (!Files.isDirectory(root)) {
			return List.of();
		}
		List<InboxFile> files = new ArrayList<>();
		try (Stream<Path> paths = Files.walk(root)) {
			paths.filter(Files::isRegularFile).filter(p -> !isUploadInProgress(p)).forEach(p -> files.add(describe(p)));
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
