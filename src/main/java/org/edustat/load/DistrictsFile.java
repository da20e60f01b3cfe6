package org.edustat.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.edustat.core.District;
import org.edustat.core.DistrictCode;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The bureau's districts as shipped in jobs/districts.yaml: the city and its 区县. */
public record DistrictsFile(Entry city, List<Entry> districts) {

	/** A code and a name. */
	public record Entry(String code, String name) {
	}

	public static DistrictsFile read(Path file) {
		try {
			return YAMLMapper.builder()
				.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
				.build()
				.readValue(Files.readString(file), DistrictsFile.class);
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalStateException("区县文件无效 (invalid districts file) " + file + ": " + ex.getMessage(), ex);
		}
	}

	public List<District> toDistricts() {
		DistrictCode cityCode = new DistrictCode(city.code());
		List<District> all = new ArrayList<>();
		all.add(new District(cityCode, city.name(), null));
		districts.forEach(d -> all.add(new District(new DistrictCode(d.code()), d.name(), cityCode)));
		return all;
	}
}
