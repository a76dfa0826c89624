package dev.pulse.events.kafka;

import dev.pulse.events.TopicNames;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * {@code pulse.kafka.*}: the client settings, replication and topic names every Pulse service shares,
 * bound in one place for the Spring services that {@code @Import} it (stream processor, report API).
 */
@Configuration(proxyBeanMethods = false)
public class KafkaClientConfig {

    @Bean
    public KafkaClientSettings kafkaClientSettings(Environment environment) {
        return Binder.get(environment).bind("pulse.kafka", KafkaClientSettings.class)
                .orElseGet(KafkaClientSettings::none);
    }

    /** {@code pulse.kafka.topics.*}: the one prefix every service reads topic names from (PULSE_TOPIC_*). */
    @Bean
    public TopicNames topicNames(Environment environment) {
        return Binder.get(environment).bind("pulse.kafka.topics", TopicNames.class).orElseGet(TopicNames::defaults);
    }
}
