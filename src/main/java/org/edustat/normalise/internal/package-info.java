/**
 * The readers: .xlsx by fastexcel-reader (StAX) behind a zip guard, .xls by POI's HSSF,
 * both into small bounded grids of text.
 */
@NullMarked
package org.edustat.normalise.internal;

import org.jspecify.annotations.NullMarked;
