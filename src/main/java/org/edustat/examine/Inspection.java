package org.edustat.examine;

import java.util.List;

import org.edustat.core.FileFormat;
import org.edustat.core.Finding;
import org.edustat.core.Identity;
import org.edustat.core.ReferenceData;
import org.edustat.core.Submission;
import org.edustat.form.Form;
import org.jspecify.annotations.Nullable;

/**
 * What a workbook holds and what is wrong with it, found without touching the ledger, the
 * archive or the database.
 *
 * @param form the form it was read by
 * @param identity the school, period and 区县 as far as 基本情况 could be read, even when the
 * workbook is refused
 */
public record Inspection(@Nullable FileFormat format, @Nullable Submission submission,
		@Nullable ReferenceData reference, List<Finding> findings, Identity identity, Form form) {

	public boolean hasErrors() {
		return findings.stream().anyMatch(Finding::isError);
	}
}
