package org.edustat.ledger;

import java.util.Arrays;

/** What became of a file: every file in the ledger ends in one of these. */
public enum FileStatus {

	LOADED("已入库"), SUPERSEDED("已替换"), REJECTED("已退回"), DUPLICATE("重复"), IGNORED("已忽略");

	private final String label;

	FileStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public static FileStatus ofLabel(String label) {
		return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst().orElseThrow();
	}

}
