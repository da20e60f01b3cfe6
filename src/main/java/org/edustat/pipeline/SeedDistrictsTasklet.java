package org.edustat.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;

import org.edustat.load.DistrictsFile;
import org.edustat.load.ReferenceStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Loads the districts shipped in jobs/districts.yaml when the database has none yet. */
class SeedDistrictsTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(SeedDistrictsTasklet.class);

	private final ReferenceStore references;

	private final Path file;

	SeedDistrictsTasklet(ReferenceStore references, Path file) {
		this.references = references;
		this.file = file;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		if (!references.hasDistricts() && Files.exists(file)) {
			references.replaceDistricts(DistrictsFile.read(file).toDistricts());
			log.info("已从 {} 载入区县名单 (districts loaded)", file);
		}
		return RepeatStatus.FINISHED;
	}
}
