package dev.pulse.launcher.broker;

import dev.pulse.events.kafka.KafkaClientSettings;
import dev.pulse.events.kafka.KafkaProblems;
import dev.pulse.launcher.LaunchException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A Kafka cluster Pulse did not start ({@code ./pulse run --kafka}): asked once for its id with the
 * {@code PULSE_KAFKA_CLIENT_*} settings before any service starts, so that an unreachable address or
 * refused credentials end the run with one sentence instead of a service retrying in its log.
 */
public final class ExistingKafka {

    private ExistingKafka() {
    }

    /** @return the cluster id; throws {@link LaunchException} naming the setting to fix */
    public static String check(String bootstrapServers, KafkaClientSettings settings, Duration timeout) {
        Map<String, Object> config = settings.clientConfig(bootstrapServers);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 5_000));
        try (Admin admin = Admin.create(config)) {
            return admin.describeCluster().clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while asking Kafka at " + bootstrapServers + " for its id");
        } catch (ExecutionException | java.util.concurrent.TimeoutException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            if (e instanceof java.util.concurrent.TimeoutException) {
                cause = new org.apache.kafka.common.errors.TimeoutException(e.getMessage());
            }
            throw new LaunchException(KafkaProblems.explain(cause, bootstrapServers), e);
        }
    }
}
