/**
 * The vocabulary of education statistics (periods, schools, districts, cells,
 * submissions) as plain self-checking records.
 */
package org.edustat.core;
