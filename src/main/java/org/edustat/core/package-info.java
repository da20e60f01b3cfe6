/**
 * The vocabulary of education statistics (periods, schools, districts, cells,
 * submissions) as plain self-checking records.
 */
@NullMarked
package org.edustat.core;

import org.jspecify.annotations.NullMarked;
