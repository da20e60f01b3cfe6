package org.edustat.web;

import org.edustat.reports.ReportsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the downloads of the output folder. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	@Bean
	Downloads downloads(ReportsProperties reports) {
		return new Downloads(reports.output());
	}
}
