package org.edustat.pipeline;

import java.util.Set;
import java.util.stream.Collectors;

import org.edustat.core.DistrictCode;
import org.edustat.intake.Examined;
import org.edustat.intake.InboxFile;
import org.edustat.intake.Intake;
import org.edustat.load.ReferenceStore;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Examines each file against the districts known when the step starts (reference workbooks are applied before). */
class ExamineProcessor implements ItemProcessor<InboxFile, Examined> {

	private final Intake intake;

	private final Set<DistrictCode> districts;

	ExamineProcessor(Intake intake, ReferenceStore references) {
		this.intake = intake;
		this.districts = references.districts().stream().filter(d -> !d.isCity()).map(d -> d.code()).collect(Collectors.toSet());
	}

	@Override
	public Examined process(InboxFile file) {
		return intake.examine(file, districts::contains);
	}
}
