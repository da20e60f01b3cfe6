/**
 * The indicator catalogue (jobs/indicators.yaml), ratio-of-sums aggregation school → 区县 →
 * 市, comparisons and ranks.
 */
package org.edustat.indicators;
