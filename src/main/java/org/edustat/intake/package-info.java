/**
 * The inbox, the hostile-file guard (file type by content, size limits) and the archive
 * of originals: no reading of sheets.
 */
@NullMarked
package org.edustat.intake;

import org.jspecify.annotations.NullMarked;
