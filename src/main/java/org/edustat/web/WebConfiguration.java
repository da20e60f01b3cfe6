package org.edustat.web;

import java.time.ZoneId;

import org.edustat.ledger.Ledger;
import org.edustat.reports.ReportsProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Wires the downloads of the output folder, and sends a user with a first password to change it. */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new FirstPassword()).excludePathPatterns("/css/**", "/webjars/**", "/login");
	}

	@Bean
	Downloads downloads(ReportsProperties reports, @Value("${edustat.schedule.zone:Asia/Shanghai}") String zone,
			Ledger ledger) {
		return new Downloads(reports.output(), ZoneId.of(zone), ledger::receipt);
	}
}
