/**
 * Writes validated submissions and reference data (replace-per-school-period, in the
 * caller's transaction); who reported and who was due.
 */
@NullMarked
package org.edustat.load;

import org.jspecify.annotations.NullMarked;
