package misfits.edustat.core;

import misfits.edustat.pipeline.ImportJob;

/** Breaks "layers": the core reaches up to the pipeline. */
public class KnowsTheJob {

	public ImportJob job() {
		return new ImportJob();
	}

}
