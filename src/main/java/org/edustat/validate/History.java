package org.edustat.validate;

import java.math.BigDecimal;
import java.util.Optional;

import org.edustat.core.Period;
import org.edustat.core.SchoolId;

/** A school's figures of earlier periods, as loaded in the reporting database. */
@FunctionalInterface
public interface History {

	History NONE = (school, period, sheet, row, column) -> Optional.empty();

	Optional<BigDecimal> value(SchoolId school, Period period, String sheet, String row, String column);

}
