/**
 * Examining one workbook — file type, read, normalise, check — for the import, the dry
 * run and the upload; the files of jobs/ in force.
 */
@NullMarked
package org.edustat.examine;

import org.jspecify.annotations.NullMarked;
