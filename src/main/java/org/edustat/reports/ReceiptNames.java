package org.edustat.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

import org.apache.poi.hpsf.HPSFPropertiesOnlyDocument;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Where a 回执 is kept and which file it answers: its name (the first free of 「…_回执(2)」 …),
 * its format's extension, the SHA-256 of the file it answers in its document properties,
 * and the move that puts it in place.
 */
final class ReceiptNames {

	private ReceiptNames() {
	}

	/** Writes a receipt. */
	interface Writing {

		void to(Path partial) throws IOException;

	}

	/**
	 * Writes a receipt to a hidden partial file beside its place, then moves it in under
	 * the name {@link #unique} gives it. Files are examined on several threads: choosing
	 * the name and moving in are one step, so that two submissions of one school and
	 * period never take the same name.
	 */
	static Path keep(Path named, String source, Writing writing) throws IOException {
		Path folder = Objects.requireNonNull(named.getParent(), "a receipt's place is in a folder");
		if (!Files.isDirectory(folder)) {
			// one look where the folder is there already (every receipt after a
			// district's first); creating it anew answers that with an exception
			Files.createDirectories(folder);
		}
		Path partial = named.resolveSibling("." + named.getFileName() + "." + source.substring(0, 16) + ".part");
		writing.to(partial);
		synchronized (ReceiptNames.class) {
			Path written = unique(named, source);
			Files.move(partial, written, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			return written;
		}
	}

	static String baseName(Path target) {
		String name = target.getFileName().toString();
		return name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
	}

	/**
	 * The name a 回执 is kept under: the target's, unless a 回执 of another file (another
	 * submission of the same school and period) is there already — then the first free of
	 * 「…_回执(2)」, 「…_回执(3)」 …; the 回执 of the same file (a retried or restarted run) is
	 * written over. A school's earlier receipts are never overwritten by a later one.
	 */
	static Path unique(Path target, String source) {
		String name = target.getFileName().toString();
		int dot = name.lastIndexOf('.');
		Path candidate = target;
		for (int n = 2; Files.exists(candidate) && !source.equals(sourceOf(candidate)); n++) {
			candidate = target.resolveSibling(name.substring(0, dot) + "(" + n + ")" + name.substring(dot));
		}
		return candidate;
	}

	/**
	 * How a receipt's keywords name the file it answers: sha256: and the file's SHA-256.
	 */
	static final String SOURCE = "sha256:";

	/**
	 * Records in the 回执's document properties which file it answers (the SHA-256 of its
	 * bytes).
	 */
	static void markSource(Workbook wb, String source) {
		if (wb instanceof XSSFWorkbook xssf) {
			xssf.getProperties().getCoreProperties().setKeywords(SOURCE + source);
		}
		else if (wb instanceof HSSFWorkbook hssf) {
			if (hssf.getSummaryInformation() == null) {
				hssf.createInformationProperties();
			}
			hssf.getSummaryInformation().setKeywords(SOURCE + source);
		}
	}

	/**
	 * Which file an existing 回执 answers, from its document properties; empty when it
	 * cannot be read.
	 */
	static String sourceOf(Path receipt) {
		try {
			String mark;
			if (receipt.getFileName().toString().endsWith(".xls")) {
				try (POIFSFileSystem fs = new POIFSFileSystem(receipt.toFile(), true);
						HPSFPropertiesOnlyDocument document = new HPSFPropertiesOnlyDocument(fs)) {
					mark = document.getSummaryInformation() == null ? null
							: document.getSummaryInformation().getKeywords();
				}
			}
			else {
				try (OPCPackage pkg = OPCPackage.open(receipt.toFile(), PackageAccess.READ)) {
					mark = pkg.getPackageProperties().getKeywordsProperty().orElse(null);
				}
			}
			return mark != null && mark.startsWith(SOURCE) ? mark.substring(SOURCE.length()) : "";
		}
		catch (IOException | RuntimeException | InvalidFormatException ex) {
			return "";
		}
	}

	/**
	 * The target named for the format actually written: .xls for a binary workbook, .xlsx
	 * otherwise, whatever the name said.
	 */
	static Path inItsFormat(Path target, Workbook wb) {
		String name = target.getFileName().toString();
		String base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
		return target.resolveSibling(base + (wb instanceof HSSFWorkbook ? ".xls" : ".xlsx"));
	}

}
