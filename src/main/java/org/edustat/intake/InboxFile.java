package org.edustat.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.edustat.core.Digests;

/**
 * A file found in the inbox: where it is, its path as received (relative to the inbox),
 * size and modification time — and where the bytes EduStat reads are: its private copy
 * once {@link #copiedInto(Path)} made one (the inbox file itself before). What is hashed,
 * read and archived is that copy, whatever happens to the inbox file meanwhile.
 */
public record InboxFile(Path path, String receivedPath, long size, Instant modifiedAt, Path bytes) {

	private static final AtomicLong COPIES = new AtomicLong();

	public InboxFile(Path path, String receivedPath, long size, Instant modifiedAt) {
		this(path, receivedPath, size, modifiedAt, path);
	}

	/**
	 * This file with its bytes copied once into a new file of the given folder, under a
	 * name of plain characters (the inbox's name may be one the platform cannot spell, as
	 * a Windows archive's GBK names are).
	 */
	public InboxFile copiedInto(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			Files.createDirectories(folder);
		}
		String name = fileName();
		String extension = name.contains(".") ? name.substring(name.lastIndexOf('.')).replaceAll("[^.A-Za-z0-9]", "")
				: "";
		// one import at a time (its lock), and the folder emptied when it starts: a
		// number of this process names it
		Path copy = folder.resolve("received-" + COPIES.incrementAndGet() + extension);
		Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING);
		return new InboxFile(path, receivedPath, size, modifiedAt, copy);
	}

	/** Whether its bytes are a private copy (to be discarded once it is recorded). */
	public boolean copied() {
		return !bytes.equals(path);
	}

	/**
	 * Whether its bytes can be read (its permissions allow it); a folder of the inbox
	 * listed as unreadable cannot.
	 */
	public boolean readable() {
		return Files.isRegularFile(path) && Files.isReadable(path);
	}

	/**
	 * What the ledger knows an unreadable file by, in place of the hash of bytes it
	 * cannot read: its place, size and time — the same file noted once, however many runs
	 * find it still unreadable.
	 */
	public String unreadableMarker() {
		return Digests.sha256("unreadable\u0000" + receivedPath + "\u0000" + size + "\u0000" + modifiedAt);
	}

	public String fileName() {
		return path.getFileName().toString();
	}

	/**
	 * Whether the file at its place is still the one listed: same size and modification
	 * time. A file replaced (an atomic rename), rewritten in place, still being copied,
	 * or removed since it was listed is not.
	 */
	public boolean unchanged() {
		try {
			return Files.size(path) == size && Files.getLastModifiedTime(path).toInstant().equals(modifiedAt);
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * The SHA-256 of the file's bytes, in hex: what the ledger and the archive know a
	 * file by.
	 */
	public String sha256() {
		try {
			return Digests.sha256(bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("无法读取文件 (cannot read) " + receivedPath, ex);
		}
	}
}
