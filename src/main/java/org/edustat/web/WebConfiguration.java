package org.edustat.web;

import java.time.ZoneId;

import org.edustat.ledger.Ledger;
import org.edustat.reports.ReportsProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the downloads of the output folder. */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	@Bean
	Downloads downloads(ReportsProperties reports, @Value("${edustat.schedule.zone:Asia/Shanghai}") String zone,
			Ledger ledger) {
		return new Downloads(reports.output(), ZoneId.of(zone), ledger::receipt);
	}

}
