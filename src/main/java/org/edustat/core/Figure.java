package org.edustat.core;

import java.math.BigDecimal;

/** A normalised number and the cell it came from. */
public record Figure(BigDecimal value, CellRef cell) {
}
