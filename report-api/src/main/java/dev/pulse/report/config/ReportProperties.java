package dev.pulse.report.config;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param zone the reporting time zone that from/to dates are read in */
@ConfigurationProperties("pulse.report")
public record ReportProperties(ZoneId zone) {

    public ReportProperties {
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
    }
}
