package org.edustat.reports;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where reports and feedback workbooks are written.
 *
 * @param output the output folder (reports by period, feedback workbooks under 回执/ by
 * period and district)
 */
@ConfigurationProperties("edustat.reports")
public record ReportsProperties(@DefaultValue("output") Path output) {
}
