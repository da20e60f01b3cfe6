package org.edustat.web;

import org.edustat.reports.ReportsProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the downloads of the output folder. */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	@Bean
	Downloads downloads(ReportsProperties reports) {
		return new Downloads(reports.output());
	}
}
