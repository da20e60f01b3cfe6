package org.edustat.normalise.internal;

import java.util.List;

/**
 * Every sheet name of a workbook in order, and the parsed grids of the sheets that were
 * asked for.
 */
public record RawWorkbook(List<String> sheetNames, List<RawSheet> sheets) {
}
