package org.edustat.load;

import java.util.Optional;

import org.edustat.core.DistrictCode;
import org.edustat.core.RegistryEntry;
import org.edustat.core.SchoolId;
import org.edustat.core.SchoolProfile;
import org.edustat.core.SchoolType;
import org.edustat.core.Sponsor;
import org.edustat.core.UrbanRural;
import org.edustat.validate.Registry;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The school registry (学校名录) as loaded from reference workbooks. */
public class DatabaseRegistry implements Registry {

	private final JdbcClient jdbc;

	public DatabaseRegistry(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<RegistryEntry> find(SchoolId school) {
		return jdbc.sql(
				"select school_name, district_code, school_type, sponsor, urban_rural, status from school_registry where school_id = ?")
			.param(school.value())
			.query((rs, n) -> new RegistryEntry(new SchoolProfile(school, rs.getString(1),
					new DistrictCode(rs.getString(2)), SchoolType.ofLabel(rs.getString(3)).orElseThrow(),
					Sponsor.ofLabel(rs.getString(4)).orElseThrow(), UrbanRural.ofLabel(rs.getString(5)).orElseThrow()),
					rs.getString(6)))
			.optional();
	}

}
