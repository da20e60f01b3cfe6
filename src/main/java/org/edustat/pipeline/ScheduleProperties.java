package org.edustat.pipeline;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the nightly run starts in server mode.
 *
 * @param cron the schedule (Spring cron: second minute hour day month weekday), default
 * 02:00 every night
 * @param zone the time zone the schedule is read in
 */
@ConfigurationProperties("edustat.schedule")
public record ScheduleProperties(@DefaultValue("0 0 2 * * *") String cron, @DefaultValue("Asia/Shanghai") String zone) {
}
