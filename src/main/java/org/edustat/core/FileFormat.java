package org.edustat.core;

/** The two spreadsheet formats schools send, as told by a file's content. */
public enum FileFormat {

	XLSX, XLS

}
