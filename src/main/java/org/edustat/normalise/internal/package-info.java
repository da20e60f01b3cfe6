/**
 * The readers: .xlsx by StAX (Aalto) over each part as it inflates through the zip
 * guard's limits, .xls by POI's HSSF, both into small bounded grids of text.
 */
@NullMarked
package org.edustat.normalise.internal;

import org.jspecify.annotations.NullMarked;
