package org.edustat.pipeline;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

/**
 * How a run's status, times and error read on the pages: in Chinese, to the second,
 * without a Java stack.
 */
public final class RunStatus {

	private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private RunStatus() {
	}

	public static String label(String status) {
		return switch (status) {
			case "COMPLETED" -> "已完成";
			case "STARTED" -> "运行中";
			case "STARTING" -> "启动中";
			case "STOPPING" -> "停止中";
			case "STOPPED" -> "已停止";
			case "FAILED" -> "失败";
			case "ABANDONED" -> "已放弃";
			default -> "未知";
		};
	}

	/** A step's name as the pages and the log say it, in one place. */
	public static String step(String step) {
		return switch (step) {
			case "starting", "" -> "准备";
			case "sorting" -> "识别参考数据";
			case "receipts" -> "补写回执";
			case "loadRules" -> "读取表式、审核规则和指标";
			case "seedDistricts" -> "区县名单";
			case "referenceData" -> "参考数据";
			case "submissions" -> "学校报表";
			case "periodRules" -> "本期未报送的学校";
			case "reports" -> "生成报表";
			default -> step;
		};
	}

	/**
	 * A time of the job repository (a wall-clock time of this JVM's zone) as read in the
	 * given zone, so that a server whose clock runs in UTC shows the same times on 任务 as
	 * on 报表.
	 */
	public static String time(@Nullable Object value, ZoneId zone) {
		Instant instant = instant(value);
		return instant == null ? value == null ? "" : value.toString() : SECOND.format(instant.atZone(zone));
	}

	/**
	 * The first line of a run's exit message, without the Java class name before its
	 * reason.
	 */
	public static String error(@Nullable String exitMessage) {
		if (exitMessage == null || exitMessage.isBlank()) {
			return "";
		}
		String first = exitMessage.lines().findFirst().orElse("").strip();
		if (first.endsWith("JobInterruptedException") || first.contains("JobInterruptedException:")) {
			return "已按要求停止 (stopped on request)";
		}
		if (first.matches("[\\w.$]+(Exception|Error)")) {
			return "运行出错,详见服务器日志 (" + first.substring(first.lastIndexOf('.') + 1) + ")";
		}
		int colon = first.indexOf(": ");
		if (colon > 0 && first.substring(0, colon).matches("[\\w.$]+")) {
			first = first.substring(colon + 2);
		}
		return first.length() > 160 ? first.substring(0, 160) + "…" : first;
	}

	/**
	 * A time as the job repository returns it, as an instant; {@code null} when there is
	 * none.
	 */
	public static @Nullable Instant instant(@Nullable Object value) {
		if (value instanceof Timestamp timestamp) {
			return timestamp.toInstant();
		}
		if (value instanceof LocalDateTime time) {
			return time.atZone(ZoneId.systemDefault()).toInstant();
		}
		return null;
	}

}
