package org.edustat.pipeline;

import java.time.ZonedDateTime;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;

/** Wires the nightly schedule; {@link #serve} starts it after recovering runs a killed process left behind. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScheduleProperties.class)
public class ServerMode {

	@Bean
	NightlySchedule nightlySchedule(RunLauncher launcher, ScheduleProperties properties) {
		return new NightlySchedule(launcher, properties);
	}

	/** Recovers, catches up a missed run, then fires the nightly run until the process stops. */
	public static void serve(ConfigurableApplicationContext context) {
		RunLauncher launcher = context.getBean(RunLauncher.class);
		NightlySchedule schedule = context.getBean(NightlySchedule.class);
		ScheduleProperties properties = context.getBean(ScheduleProperties.class);
		launcher.recoverAndRestart();
		schedule.catchUp(ZonedDateTime.now());
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setThreadNamePrefix("nightly-");
		scheduler.initialize();
		TaskScheduler tasks = scheduler;
		tasks.schedule(schedule, new CronTrigger(properties.cron(), java.util.TimeZone.getTimeZone(properties.zone())));
		context.addApplicationListener(event -> {
			if (event instanceof org.springframework.context.event.ContextClosedEvent) {
				scheduler.shutdown();
			}
		});
	}
}
