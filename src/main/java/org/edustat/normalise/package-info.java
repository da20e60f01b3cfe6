/**
 * Workbook to {@link org.edustat.core.Submission}: sheet, header and row aliases,
 * numbers, units and periods.
 */
package org.edustat.normalise;
