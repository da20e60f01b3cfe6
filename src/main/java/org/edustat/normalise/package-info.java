/**
 * Workbook to {@link org.edustat.core.Submission}: sheet, header and row aliases,
 * numbers, units and periods.
 */
@NullMarked
package org.edustat.normalise;

import org.jspecify.annotations.NullMarked;
