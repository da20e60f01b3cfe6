/** Spring Batch: the jobs, their steps over the feature services, launching from the command line and summaries. */
package org.edustat.pipeline;
