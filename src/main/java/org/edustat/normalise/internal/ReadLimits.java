package org.edustat.normalise.internal;

/** How much of one sheet a reader takes before it gives up on the file. */
public record ReadLimits(int maxRows, int maxColumns) {

	public static final ReadLimits SUBMISSION = new ReadLimits(2_000, 100);

	public static final ReadLimits REFERENCE = new ReadLimits(50_000, 50);

}
