package dev.pulse.processor.config;

import dev.pulse.events.alerts.Ladder;
import dev.pulse.processor.stale.StaleRules;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param bootstrapServers Kafka
 * @param applicationId    Kafka Streams application id: instances sharing it share the work
 * @param stateDir         local state; it belongs to one broker cluster (see {@link StateDirGuard})
 * @param zone             reporting time zone that days, weeks and months are cut in
 * @param commitInterval   how often results are committed (exactly-once transactions)
 * @param cacheMaxBytes    the record cache in front of the state stores, for all threads
 * @param standbyReplicas  warm copies of state on other instances
 * @param multiRepWindow   two reps following up one customer within this span raise a MULTI_REP flag
 * @param staleThresholds  per stage code, how long without a follow-up makes a customer stale
 * @param staleCheckInterval how often the wall clock is checked for crossings
 * @param ladder           the escalation ladder per stage ({@link dev.pulse.events.alerts.Ladder}'s setting), blank for none
 * @param instanceId       stable name of this instance in the Kafka group (static membership), or blank:
 *                         an instance restarted under the same name after a crash takes its tasks back at
 *                         once, instead of waiting for the group to give up on the dead one (45 s)
 */
@ConfigurationProperties("pulse.processor")
public record ProcessorProperties(
        String bootstrapServers,
        String applicationId,
        Path stateDir,
        ZoneId zone,
        Duration commitInterval,
        Integer threads,
        Long cacheMaxBytes,
        Integer standbyReplicas,
        Duration multiRepWindow,
        Map<String, Duration> staleThresholds,
        Duration staleCheckInterval,
        String ladder,
        String instanceId) {

    public ProcessorProperties {
        bootstrapServers = bootstrapServers == null ? "localhost:9092" : bootstrapServers;
        applicationId = applicationId == null ? "pulse-stream-processor" : applicationId;
        stateDir = stateDir == null ? Path.of("var", "streams") : stateDir;
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        commitInterval = commitInterval == null ? Duration.ofMillis(100) : commitInterval;
        threads = threads == null ? 1 : threads;
        cacheMaxBytes = cacheMaxBytes == null ? 32L * 1024 * 1024 : cacheMaxBytes;
        standbyReplicas = standbyReplicas == null ? 0 : standbyReplicas;
        multiRepWindow = multiRepWindow == null ? Duration.ofDays(30) : multiRepWindow;
        staleThresholds = staleThresholds == null || staleThresholds.isEmpty() ? StaleRules.DEFAULT_THRESHOLDS : staleThresholds;
        staleCheckInterval = staleCheckInterval == null ? Duration.ofSeconds(10) : staleCheckInterval;
        ladder = ladder == null ? "" : ladder.strip();
        Ladder.parse(ladder); // a setting it cannot read stops the start, naming the part at fault
        instanceId = instanceId == null ? "" : instanceId.strip();
    }
}
