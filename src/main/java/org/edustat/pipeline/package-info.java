/**
 * Spring Batch: one *JobConfiguration per job, launching, the schedule, the run history
 * and progress.
 */
package org.edustat.pipeline;
