package org.edustat.pipeline.internal;

import java.io.IOException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Objects;

import org.edustat.examine.Examined;
import org.edustat.intake.InboxFile;
import org.edustat.load.FileRecorder;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.skip.SkipPolicy;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Spring Batch's fault tolerance for the import: when a chunk cannot be recorded, Batch
 * records its files one by one; the file that still fails is skipped here and recorded
 * apart as refused (Q01), and the run goes on. Only a failure of the system itself (the
 * database gone, the disk full) is not skipped and ends the run.
 */
public class Quarantine implements SkipPolicy, SkipListener<InboxFile, Examined>, StepExecutionListener {

	private final FileRecorder recorder;

	private @Nullable Long jobExecutionId;

	public Quarantine(FileRecorder recorder) {
		this.recorder = recorder;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		jobExecutionId = stepExecution.getJobExecutionId();
	}

	@Override
	public boolean shouldSkip(Throwable failure, long skipCount) {
		return !systemFailure(failure);
	}

	@Override
	public void onSkipInWrite(Examined item, Throwable failure) {
		StepContext context = StepSynchronizationManager.getContext();
		recorder.quarantine(item, failure, context != null ? context.getStepExecution().getJobExecutionId()
				: Objects.requireNonNull(jobExecutionId));
	}

	/**
	 * Whether the failure is the system's, not one file's: the database unreachable, or
	 * the disk full.
	 */
	static boolean systemFailure(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof DataAccessResourceFailureException || t instanceof CannotGetJdbcConnectionException
					|| t instanceof SQLNonTransientConnectionException || t instanceof SQLTransientConnectionException
					|| t instanceof Error || (t instanceof IOException
							&& String.valueOf(t.getMessage()).contains("No space left on device"))) {
				return true;
			}
		}
		return false;
	}

}
