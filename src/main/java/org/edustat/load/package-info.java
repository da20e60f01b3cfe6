/**
 * Writes validated submissions and reference data (replace-per-school-period, in the
 * caller's transaction); who reported and who was due.
 */
package org.edustat.load;
