/**
 * The indicator catalogue (jobs/indicators.yaml), ratio-of-sums aggregation school → 区县 →
 * 市, comparisons and ranks.
 */
@NullMarked
package org.edustat.indicators;

import org.jspecify.annotations.NullMarked;
