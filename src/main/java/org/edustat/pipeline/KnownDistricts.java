package org.edustat.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import org.edustat.core.DistrictCode;
import org.edustat.load.DistrictsFile;
import org.edustat.load.ReferenceStore;
import org.springframework.stereotype.Component;

/** The 区县 a submission may come from; before any run, the ones shipped in jobs/districts.yaml. */
@Component
public class KnownDistricts {

	private final ReferenceStore references;

	private final Path file;

	KnownDistricts(ReferenceStore references, JobsProperties jobs) {
		this.references = references;
		this.file = jobs.folder().resolve("districts.yaml");
	}

	public Set<DistrictCode> get() {
		if (!references.hasDistricts() && Files.exists(file)) {
			references.replaceDistricts(DistrictsFile.read(file).toDistricts());
		}
		return references.districts().stream().filter(d -> !d.isCity()).map(d -> d.code()).collect(Collectors.toSet());
	}
}
