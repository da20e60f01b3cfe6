/** The POI adapters: .xlsx by POI's streaming (SAX) API, .xls by HSSF, both into small bounded grids of text. */
package org.edustat.normalise.internal;
