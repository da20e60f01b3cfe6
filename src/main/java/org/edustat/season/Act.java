package org.edustat.season;

/** The kinds of act the audit trail keeps. */
public enum Act {

	LOGIN("登录"), LOGIN_FAILED("登录失败"), UPLOAD("上传"), RUN_LAUNCHED("启动运行"), RUN_STOPPED("停止运行"), SCHOOL_PASSED("审核通过"),
	SCHOOL_RETURNED("退回"), DISTRICT_SUBMITTED("区县上报"), DISTRICT_PASSED("市审核通过"), DISTRICT_RETURNED("市退回区县"),
	LOCKED("锁定"), UNLOCKED("解锁"), USER_CHANGED("用户变更"), DEADLINE_SET("设置截止日期"), NOTICE_SENT("发送通知"), EXPLAINED("说明警告");

	private final String label;

	Act(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
