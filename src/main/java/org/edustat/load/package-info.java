/** Writes validated submissions and reference data: replace-per-school-period, inside the caller's transaction. */
package org.edustat.load;
