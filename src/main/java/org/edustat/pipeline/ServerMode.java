package org.edustat.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.TimeZone;

import org.edustat.season.AuditTrail;
import org.edustat.season.Deadlines;
import org.edustat.season.PeriodLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Wires the nightly schedule; {@link #serve} starts it after recovering runs a killed
 * process left behind.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ScheduleProperties.class, NoticeProperties.class })
public class ServerMode {

	private static final Logger log = LoggerFactory.getLogger(ServerMode.class);

	@Bean
	NightlySchedule nightlySchedule(RunLauncher launcher, ScheduleProperties properties) {
		return new NightlySchedule(launcher, properties);
	}

	@Bean
	Notices notices(JdbcClient jdbc, ObjectProvider<JavaMailSender> mail, NoticeProperties properties,
			Deadlines deadlines, PeriodLocks locks, AuditTrail audit, ScheduleProperties schedule) {
		return new Notices(jdbc, mail.getIfAvailable(), properties, deadlines, locks, audit, Clock.systemUTC(),
				ZoneId.of(schedule.zone()));
	}

	/**
	 * Recovers, catches up a missed run, then fires the nightly run until the process
	 * stops.
	 */
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
		tasks.schedule(schedule, new CronTrigger(properties.cron(), TimeZone.getTimeZone(properties.zone())));
		NoticeProperties notices = context.getBean(NoticeProperties.class);
		if (notices.enabled()) {
			Notices digests = context.getBean(Notices.class);
			tasks.schedule(() -> {
				try {
					digests.sendDigests();
				}
				catch (RuntimeException ex) {
					log.warn("每日通知未能发送 (daily notices failed): {}", String.valueOf(ex.getMessage()));
				}
			}, new CronTrigger(notices.cron(), TimeZone.getTimeZone(properties.zone())));
		}
		String port = context.getEnvironment()
			.getProperty("local.server.port", context.getEnvironment().getProperty("server.port", "8080"));
		ServerPresence presence = context.getBean(ServerPresence.class);
		presence.announce("http://localhost:" + port + "/");
		scheduler.scheduleAtFixedRate(presence::beat, ServerPresence.BEAT);
		log.info("EduStat 已启动,网页 http://localhost:{}/ ,定时运行 {} ({}) (server started)", port, properties.cron(),
				properties.zone());
		context.addApplicationListener(event -> {
			if (event instanceof ContextClosedEvent) {
				log.info("EduStat 正在停止:不再启动新的运行,正在进行的运行在块边界停止 (shutting down)");
				scheduler.shutdown();
				try {
					launcher.stopRunning(Duration.ofSeconds(30));
					presence.withdraw();
				}
				catch (RuntimeException ex) {
					log.warn("停止时无法访问数据库,正在进行的运行将在下次启动时续跑 (database unavailable at shutdown): {}",
							String.valueOf(ex.getMessage()).lines().findFirst().orElse(""));
				}
				log.info("EduStat 已停止 (stopped)");
			}
		});
	}

}
