package org.edustat.pipeline;

import org.edustat.intake.Examined;
import org.edustat.load.FileRecorder;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Records a chunk of examined files in the step's transaction, tagged with the job execution that took them. */
class RecordWriter implements ItemWriter<Examined>, StepExecutionListener {

	private final FileRecorder recorder;

	private Long jobExecutionId;

	RecordWriter(FileRecorder recorder) {
		this.recorder = recorder;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		jobExecutionId = stepExecution.getJobExecutionId();
	}

	@Override
	public void write(Chunk<? extends Examined> chunk) {
		recorder.record(chunk.getItems(), jobExecutionId);
	}
}
