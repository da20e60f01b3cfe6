package org.edustat.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Keeps the original bytes of every file a school sent, by period and district: archive/2023H1/990102/ab12…_name.xlsx.
 * A copy is written beside its place, forced to disk and moved in, so the archive never holds half a file.
 */
public class Archive {

	private final Path root;

	public Archive(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	public Path root() {
		return root;
	}

	/** Copies a file into the archive (once: the name carries its hash) and returns its path relative to the root. */
	public String store(InboxFile file, String sha256, String period, String district) {
		Path folder = root.resolve(period == null ? "未识别" : period).resolve(district == null ? "未知区县" : district);
		Path target = folder.resolve(sha256.substring(0, 16) + "_" + safeName(file.fileName()));
		try {
			if (!Files.exists(target) || Files.size(target) != file.size()) {
				Files.createDirectories(folder);
				Path partial = folder.resolve(target.getFileName() + ".part");
				Files.copy(file.path(), partial, StandardCopyOption.REPLACE_EXISTING);
				try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
					channel.force(true);
				}
				Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("无法归档文件 (cannot archive) " + file.receivedPath(), ex);
		}
		return root.relativize(target).toString().replace('\\', '/');
	}

	public Path resolve(String archivePath) {
		return root.resolve(archivePath);
	}

	private static String safeName(String name) {
		return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
	}
}
