package org.edustat.pipeline;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notices by e-mail (the SMTP server is Spring Boot's {@code spring.mail.*}, set in the
 * environment file).
 *
 * @param enabled whether digests are sent: off until a bureau sets its SMTP server
 * @param from the sender's address
 * @param cron when the day's digests go out (Spring cron), in the schedule's time zone;
 * default 08:00
 */
@ConfigurationProperties("edustat.notices")
public record NoticeProperties(@DefaultValue("false") boolean enabled, @DefaultValue("edustat@localhost") String from,
		@DefaultValue("0 0 8 * * *") String cron) {
}
