package org.edustat.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import org.edustat.core.SafeNames;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the original bytes of every file a school sent, by period and district:
 * archive/2023H1/990102/ab12…_name.xlsx. On the inbox's file system the original is
 * hard-linked (the very bytes received, nothing copied); elsewhere it is copied beside
 * its place, forced to disk and moved in, so the archive never holds half a file.
 */
public class Archive {

	private final Path root;

	private volatile boolean linksWork = true;

	public Archive(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	public Path root() {
		return root;
	}

	/**
	 * Puts a file into the archive (once: the name carries its hash) and returns its path
	 * relative to the root.
	 */
	public String store(InboxFile file, String sha256, @Nullable String period, @Nullable String district) {
		Path folder = SafeNames.under(root, root.resolve(period == null ? "未识别" : SafeNames.of(period))
			.resolve(district == null ? "未知区县" : SafeNames.of(district)));
		Path target = SafeNames.under(root, folder.resolve(sha256.substring(0, 16) + "_" + safeName(file.fileName())));
		try {
			if (!Files.exists(target) || Files.size(target) != file.size()) {
				if (!Files.isDirectory(folder)) {
					Files.createDirectories(folder);
				}
				if (Files.isSymbolicLink(file.bytes()) || !(linksWork && link(file.bytes(), target))) {
					copy(file.bytes(), target);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("无法归档文件 (cannot archive) " + file.receivedPath(), ex);
		}
		return root.relativize(target).toString().replace('\\', '/');
	}

	private boolean link(Path source, Path target) {
		try {
			Files.deleteIfExists(target);
			Files.createLink(target, source);
			return true;
		}
		catch (FileAlreadyExistsException ex) {
			return true;
		}
		catch (IOException | UnsupportedOperationException ex) {
			linksWork = false;
			return false;
		}
	}

	private static void copy(Path source, Path target) throws IOException {
		Path partial = target.resolveSibling(target.getFileName() + ".part");
		Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
		try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
			channel.force(true);
		}
		Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	public Path resolve(String archivePath) {
		return root.resolve(archivePath);
	}

	/**
	 * The file name without characters a file system refuses, cut so that the hash prefix
	 * and it fit in 255 bytes.
	 */
	static String safeName(String name) {
		String safe = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
		int dot = safe.lastIndexOf('.');
		String extension = dot > 0 && safe.length() - dot <= 6 ? safe.substring(dot) : "";
		String base = safe.substring(0, safe.length() - extension.length());
		while ((base + extension).getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES && !base.isEmpty()) {
			base = base.substring(0, base.offsetByCodePoints(0, base.codePointCount(0, base.length()) - 1));
		}
		return base + extension;
	}

	/**
	 * Room for a name after the 17-character hash prefix, within the 255 bytes most file
	 * systems allow.
	 */
	private static final int MAX_NAME_BYTES = 200;

}
