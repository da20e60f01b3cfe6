package org.edustat.users;

/**
 * What a user may do: 查看 downloads, 统计员 also launches, uploads and reviews (审核), 管理员 also
 * manages users; a 学校 sends its own workbooks and reads its own page and 回执, nothing
 * else.
 */
public enum Role {

	VIEWER("查看"), STATISTICIAN("统计员"), ADMIN("管理员"), SCHOOL("学校");

	private final String label;

	Role(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
