package org.edustat.users;

/** What a user may do: 查看 downloads, 统计员 also launches and uploads, 管理员 also manages users. */
public enum Role {

	VIEWER("查看"), STATISTICIAN("统计员"), ADMIN("管理员");

	private final String label;

	Role(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
