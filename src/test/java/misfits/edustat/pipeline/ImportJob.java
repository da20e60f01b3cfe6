package misfits.edustat.pipeline;

/** A Batch job of the misfits. */
public class ImportJob {

}
