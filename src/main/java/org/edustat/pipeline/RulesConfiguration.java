package org.edustat.pipeline;

import org.edustat.load.DatabaseHistory;
import org.edustat.load.DatabaseRegistry;
import org.edustat.load.FactsReader;
import org.edustat.load.ReferenceStore;
import org.edustat.reports.ComparativeReports;
import org.edustat.reports.FeedbackWorkbooks;
import org.edustat.reports.ReportsProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Wires the audit rules of jobs/rules to the database's history and registry, the feedback workbooks and the reports. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReportsProperties.class)
class RulesConfiguration {

	@Bean
	JobFiles jobFiles(JobsProperties jobs, JdbcClient jdbc) {
		return new JobFiles(jobs.folder(), new DatabaseHistory(jdbc), new DatabaseRegistry(jdbc));
	}

	@Bean
	FeedbackWorkbooks feedbackWorkbooks(ReportsProperties reports) {
		return new FeedbackWorkbooks(reports.output());
	}

	@Bean
	ComparativeReports comparativeReports(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate template,
			ReferenceStore references, JobFiles jobFiles, ReportsProperties reports) {
		return new ComparativeReports(jdbc, new FactsReader(template), references, jobFiles::catalogue,
				reports.output());
	}
}
