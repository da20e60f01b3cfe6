package org.edustat.pipeline;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The live progress of runs: per job execution, the step going on and its files done out
 * of files found.
 */
@Component
public class RunProgress {

	/**
	 * Where a run is: its step, files done and found in that step, and whether the run
	 * has ended.
	 */
	public record Snapshot(String step, int done, int total, boolean ended, String status) {

		/**
		 * Percent of the files of the step done; 100 once the run has completed, where it
		 * stopped if it did not.
		 */
		public int percent() {
			if (ended && "COMPLETED".equals(status)) {
				return 100;
			}
			if (ended) {
				return total == 0 ? 0 : Math.min(100, done * 100 / total);
			}
			return total == 0 ? 0 : Math.min(99, done * 100 / total);
		}
	}

	private final Map<Long, Snapshot> runs = new ConcurrentHashMap<>();

	public void step(long execution, String step) {
		runs.put(execution, new Snapshot(step, 0, 0, false, "STARTED"));
	}

	public void progress(long execution, String step, int done, int total) {
		runs.put(execution, new Snapshot(step, done, total, false, "STARTED"));
	}

	public void ended(long execution, String status) {
		Snapshot last = runs.getOrDefault(execution, new Snapshot("", 0, 0, true, status));
		runs.put(execution, new Snapshot(last.step(), last.total(), last.total(), true, status));
	}

	public @Nullable Snapshot of(long execution) {
		return runs.get(execution);
	}

}
