/**
 * Spring Batch: one *JobConfiguration per job, launching, the schedule, the run history
 * and progress.
 */
@NullMarked
package org.edustat.pipeline;

import org.jspecify.annotations.NullMarked;
