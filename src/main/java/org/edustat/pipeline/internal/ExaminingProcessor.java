package org.edustat.pipeline.internal;

import java.util.Set;

import org.edustat.core.DistrictCode;
import org.edustat.examine.Examined;
import org.edustat.examine.Examiner;
import org.edustat.intake.InboxFile;
import org.edustat.reports.FeedbackWorkbooks;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Examines one file — hash, ledger look-up, file type, normalising, the within-workbook rules — and writes its 回执
 * when it has findings. Runs on several threads at once; a failure nobody foresaw refuses that file alone (F08), never
 * the run.
 */
public class ExaminingProcessor implements ItemProcessor<InboxFile, Examined> {

	private final Examiner examiner;

	private final FeedbackWorkbooks feedback;

	private final Set<DistrictCode> districts;

	/** @param districts the 区县 known when the step starts */
	public ExaminingProcessor(Examiner examiner, FeedbackWorkbooks feedback, Set<DistrictCode> districts) {
		this.examiner = examiner;
		this.feedback = feedback;
		this.districts = districts;
	}

	@Override
	public Examined process(InboxFile file) {
		Examined examined;
		try {
			examined = examiner.examine(file, districts::contains);
		}
		catch (RuntimeException ex) {
			return examiner.failed(file, ex);
		}
		if (examined.wantsFeedback()) {
			feedback.write(file.path(), examined.submission(), examined.findings(),
					feedback.target(examined.identity(), file.fileName()), examiner.form());
		}
		return examined;
	}
}
