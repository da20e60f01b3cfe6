package org.edustat.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import org.edustat.core.DistrictCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 区县 a submission may come from; before any run, the ones shipped in
 * jobs/districts.yaml.
 */
public class KnownDistricts {

	private static final Logger log = LoggerFactory.getLogger(KnownDistricts.class);

	private final ReferenceStore references;

	private final Path file;

	public KnownDistricts(ReferenceStore references, Path file) {
		this.references = references;
		this.file = file;
	}

	/**
	 * Loads the districts shipped in jobs/districts.yaml when the database has none yet.
	 */
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
