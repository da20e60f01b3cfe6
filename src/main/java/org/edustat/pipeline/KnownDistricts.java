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

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(KnownDistricts.class);

	private final ReferenceStore references;

	private final Path file;

	KnownDistricts(ReferenceStore references, JobsProperties jobs) {
		this.references = references;
		this.file = jobs.folder().resolve("districts.yaml");
	}

	/** Loads the districts shipped in jobs/districts.yaml when the database has none yet. */
	public void seed() {
		if (!references.hasDistricts() && Files.exists(file)) {
			references.replaceDistricts(DistrictsFile.read(file).toDistricts());
			log.info("已从 {} 载入区县名单 (districts loaded)", file);
		}
	}

	public Set<DistrictCode> get() {
		seed();
		return references.districts().stream().filter(d -> !d.isCity()).map(d -> d.code()).collect(Collectors.toSet());
	}
}
