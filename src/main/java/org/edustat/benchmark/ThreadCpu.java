package org.edustat.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** A Java thread's name (digits folded into N) and CPU time so far. */
record ThreadCpu(String name, long nanos) {

	static Map<Long, ThreadCpu> snapshot() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		Map<Long, ThreadCpu> byId = new HashMap<>();
		for (long id : threads.getAllThreadIds()) {
			ThreadInfo info = threads.getThreadInfo(id);
			long cpu = threads.getThreadCpuTime(id);
			if (info != null && cpu > 0) {
				byId.put(id, new ThreadCpu(info.getThreadName().replaceAll("\\d+", "N"), cpu));
			}
		}
		return byId;
	}

	/**
	 * CPU time spent between two snapshots by the threads alive at the second, by name:
	 * each thread is compared with itself (ids are never reused), so that threads of the
	 * same name that ended in between, such as an earlier warm-up's idle examiners, take
	 * nothing off the others.
	 */
	static Map<String, Long> spentByName(Map<Long, ThreadCpu> before, Map<Long, ThreadCpu> after) {
		Map<String, Long> byName = new TreeMap<>();
		after.forEach((id, thread) -> {
			ThreadCpu earlier = before.get(id);
			byName.merge(thread.name(), thread.nanos() - (earlier == null ? 0 : earlier.nanos()), Long::sum);
		});
		return byName;
	}
}
