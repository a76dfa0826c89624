package dev.pulse.ingest.config;

import dev.pulse.events.validation.TimeRules;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBody          bodies above this size get 413 before anything is parsed
 * @param maxRecords       records per request; more gets 413 too
 * @param allowedClockSkew how far in the future an event time may lie
 * @param producers        transactional producers in the pool: requests in flight at once
 * @param kafkaTimeout     how long a request waits for Kafka before answering 503
 * @param poolClaimsPerDay pool customers one rep may claim per day in the reporting zone; 0: no limit
 * @param zone             the reporting time zone, where the day of that limit is cut
 */
@ConfigurationProperties("pulse.ingest")
public record IngestProperties(
        DataSize maxBody,
        Integer maxRecords,
        Duration allowedClockSkew,
        Integer producers,
        Duration kafkaTimeout,
        Integer poolClaimsPerDay,
        ZoneId zone) {

    public IngestProperties {
        maxBody = maxBody == null ? DataSize.ofMegabytes(10) : maxBody;
        maxRecords = maxRecords == null ? 50_000 : maxRecords;
        allowedClockSkew = allowedClockSkew == null ? TimeRules.DEFAULT_CLOCK_SKEW : allowedClockSkew;
        producers = producers == null ? 4 : producers;
        kafkaTimeout = kafkaTimeout == null ? Duration.ofSeconds(3) : kafkaTimeout;
        poolClaimsPerDay = poolClaimsPerDay == null ? 0 : poolClaimsPerDay;
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
    }
}
