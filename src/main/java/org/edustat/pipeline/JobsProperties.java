package org.edustat.pipeline;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The statisticians' folder of declarative files.
 *
 * @param folder the folder holding districts.yaml, rules/ and indicators.yaml
 */
@ConfigurationProperties("edustat.jobs")
public record JobsProperties(@DefaultValue("jobs") Path folder) {
}
