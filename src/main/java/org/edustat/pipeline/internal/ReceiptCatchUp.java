package org.edustat.pipeline.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import org.edustat.core.DistrictCode;
import org.edustat.core.Identity;
import org.edustat.examine.Examined;
import org.edustat.examine.Inspection;
import org.edustat.examine.Inspector;
import org.edustat.examine.JobFiles;
import org.edustat.intake.Archive;
import org.edustat.intake.InboxFile;
import org.edustat.ledger.FileStatus;
import org.edustat.ledger.FindingStore;
import org.edustat.ledger.Ledger;
import org.edustat.ledger.LedgerEntry;
import org.edustat.pipeline.Receipts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the 回执 a killed or failed run recorded the outcome of and never wrote (they are
 * written after each chunk commits): each from the original in the archive, read again
 * for the school's own sheets, with the findings as recorded. A file whose 回执 cannot be
 * written is left for the next run.
 */
public class ReceiptCatchUp {

	private static final Logger log = LoggerFactory.getLogger(ReceiptCatchUp.class);

	private static final int BATCH = 200;

	private final Ledger ledger;

	private final FindingStore findings;

	private final Archive archive;

	private final Inspector inspector;

	private final JobFiles jobFiles;

	private final Receipts receipts;

	public ReceiptCatchUp(Ledger ledger, FindingStore findings, Archive archive, Inspector inspector, JobFiles jobFiles,
			Receipts receipts) {
		this.ledger = ledger;
		this.findings = findings;
		this.archive = archive;
		this.inspector = inspector;
		this.jobFiles = jobFiles;
		this.receipts = receipts;
	}

	/**
	 * @return how many 回执 were written
	 */
	public int run(Predicate<DistrictCode> knownDistrict) {
		int written = 0;
		long after = 0;
		for (List<LedgerEntry> todo = ledger.withoutReceipt(after, BATCH); !todo.isEmpty(); todo = ledger
			.withoutReceipt(after, BATCH)) {
			for (LedgerEntry entry : todo) {
				if (write(entry, knownDistrict)) {
					written++;
				}
				after = entry.id();
			}
		}
		if (written > 0) {
			log.info("补写了{}份回执 (wrote {} receipts a stopped run had left unwritten)", written, written);
		}
		return written;
	}

	private boolean write(LedgerEntry entry, Predicate<DistrictCode> knownDistrict) {
		// the entries without a receipt are those whose original is kept
		Path original = archive.resolve(Objects.requireNonNull(entry.archivePath()));
		if (!Files.isRegularFile(original)) {
			return false;
		}
		Inspection read = inspector.inspect(original, knownDistrict, jobFiles);
		// the bytes are the archive's; the name the 回执 is named after is the file's as
		// received
		InboxFile file = new InboxFile(Path.of(entry.fileName()), entry.receivedPath(), entry.size(),
				entry.modifiedAt());
		Examined examined = new Examined(file, entry.sha256(),
				entry.status() == FileStatus.REJECTED ? Examined.Outcome.REJECTED : Examined.Outcome.SUBMISSION,
				read.submission(), null, findings.of(entry.id()), null,
				new Identity(entry.schoolId(), entry.schoolName(), entry.period(), entry.districtCode()),
				entry.archivePath());
		return receipts.write(examined, read.form()).isPresent();
	}

}
