package org.edustat.pipeline.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.edustat.core.Figure;
import org.edustat.core.Finding;
import org.edustat.core.Submission;
import org.edustat.examine.Examined;
import org.edustat.examine.JobFiles;
import org.edustat.load.DatabaseHistory;
import org.edustat.load.FileRecorder;
import org.edustat.pipeline.Receipts;
import org.edustat.season.PeriodLocks;
import org.edustat.validate.History;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Archives and records a chunk of examined files in the step's transaction, tagged with
 * the job execution that took them; the inbox is emptied of them only after that
 * transaction commits. Before each submission is recorded, the history rules run against
 * the database (every earlier chunk has committed; a period's figures are fetched once
 * for all the chunk's schools) and the submissions recorded before it in the same chunk,
 * so the same inbox always gives the same findings; a submission for a locked period is
 * refused (L01) with the lock's reason. The 回执 of the chunk's files are written once it
 * commits, by {@link Receipts}, and the step ends when they are.
 */
public class RecordWriter implements ItemWriter<Examined>, StepExecutionListener {

	private final FileRecorder recorder;

	private final JobFiles jobFiles;

	private final DatabaseHistory database;

	private final Receipts receipts;

	private final PeriodLocks locks;

	private @Nullable Long jobExecutionId;

	public RecordWriter(FileRecorder recorder, JobFiles jobFiles, DatabaseHistory database, Receipts receipts,
			PeriodLocks locks) {
		this.recorder = recorder;
		this.jobFiles = jobFiles;
		this.database = database;
		this.receipts = receipts;
		this.locks = locks;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		jobExecutionId = stepExecution.getJobExecutionId();
	}

	/**
	 * The step ends when the last chunk's 回执 are written, before the catch-up step looks
	 * for any left unwritten.
	 */
	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		recorder.markLeftInbox();
		receipts.awaitWritten();
		return stepExecution.getExitStatus();
	}

	@Override
	public void write(Chunk<? extends Examined> chunk) {
		// the receipts the last chunks' files got, noted with this chunk
		receipts.noteWritten();
		Map<String, Submission> earlierInChunk = new HashMap<>();
		History committed = database.forSchools(chunk.getItems()
			.stream()
			.filter(e -> e.outcome() == Examined.Outcome.SUBMISSION)
			.map(e -> e.loaded().school().id())
			.toList());
		History history = (school, period, sheet, row, column) -> {
			Submission inChunk = earlierInChunk.get(school.value() + "|" + period.code());
			return inChunk != null ? inChunk.sheet(sheet).flatMap(s -> s.figure(row, column)).map(Figure::value)
					: committed.value(school, period, sheet, row, column);
		};
		List<Examined> items = new ArrayList<>();
		for (Examined examined : chunk.getItems()) {
			Examined checked = examined;
			if (examined.outcome() == Examined.Outcome.SUBMISSION) {
				List<Finding> more = new ArrayList<>(jobFiles.againstHistory(examined.loaded(), history));
				locks.refusal(examined.loaded().period().code()).ifPresent(more::add);
				if (!more.isEmpty()) {
					checked = examined.with(more);
				}
				if (checked.outcome() == Examined.Outcome.SUBMISSION) {
					Submission s = checked.loaded();
					earlierInChunk.put(s.school().id().value() + "|" + s.period().code(), s);
				}
			}
			items.add(checked);
		}
		receipts.afterCommit(recorder.recordInRun(items, Objects.requireNonNull(jobExecutionId)), jobFiles.form());
	}

}
