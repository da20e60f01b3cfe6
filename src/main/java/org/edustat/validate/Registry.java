package org.edustat.validate;

import java.util.Optional;

import org.edustat.core.RegistryEntry;
import org.edustat.core.SchoolId;

/** The school registry (学校名录) as loaded: what the bureau knows of a school. */
@FunctionalInterface
public interface Registry {

	Registry NONE = school -> Optional.empty();

	Optional<RegistryEntry> find(SchoolId school);

}
