package org.edustat.pipeline;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.support.CronExpression;

/**
 * The nightly run in server mode: fires on the configured cron, and at start runs once a
 * run the server missed while it was down.
 */
public class NightlySchedule implements Runnable {

	private static final Logger log = LoggerFactory.getLogger(NightlySchedule.class);

	private final RunLauncher launcher;

	private final CronExpression cron;

	private final ZoneId zone;

	public NightlySchedule(RunLauncher launcher, ScheduleProperties properties) {
		this.launcher = launcher;
		this.cron = CronExpression.parse(properties.cron());
		this.zone = ZoneId.of(properties.zone());
	}

	/** Fired by the scheduler: the run of today's date. */
	@Override
	public void run() {
		RunLauncher.Launch launch = launcher.scheduled(LocalDate.now(zone));
		if (launch.refusal() != null) {
			log.info("定时运行未启动 (scheduled run not started): {}", launch.refusal());
		}
	}

	/**
	 * The date of the latest scheduled time at or before now, if the schedule fired in
	 * the last two days.
	 */
	public @Nullable LocalDate lastDueDate(ZonedDateTime now) {
		LocalDate due = null;
		for (ZonedDateTime t = cron.next(now.minusDays(2)); t != null && !t.isAfter(now); t = cron.next(t)) {
			due = t.toLocalDate();
		}
		return due;
	}

	/**
	 * At start: the last scheduled run, if it did not complete (the server was down),
	 * runs now, once. A first start — no scheduled run ever launched here, whatever
	 * imports the command line ran — has missed nothing.
	 */
	public RunLauncher.Launch catchUp(ZonedDateTime now) {
		if (!launcher.everScheduled()) {
			return new RunLauncher.Launch(Optional.empty(), "首次启动,没有错过的定时运行 (first start: no missed run)");
		}
		LocalDate due = lastDueDate(now.withZoneSameInstant(zone));
		if (due == null || launcher.completed(due)) {
			return new RunLauncher.Launch(Optional.empty(), "没有错过的定时运行 (no missed run)");
		}
		log.info("补做错过的定时运行 {} (running the missed nightly run)", due);
		return launcher.scheduled(due);
	}

	public CronExpression cron() {
		return cron;
	}

}
