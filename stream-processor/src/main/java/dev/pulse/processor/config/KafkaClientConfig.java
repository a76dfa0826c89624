package dev.pulse.processor.config;

import dev.pulse.events.TopicNames;
import dev.pulse.events.kafka.KafkaClientSettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** {@code pulse.kafka.*}: the client settings, replication and topic names every Pulse service shares. */
@Configuration(proxyBeanMethods = false)
class KafkaClientConfig {

    @Bean
    KafkaClientSettings kafkaClientSettings(Environment environment) {
        return Binder.get(environment).bind("pulse.kafka", KafkaClientSettings.class)
                .orElseGet(KafkaClientSettings::none);
    }

    /** {@code pulse.kafka.topics.*}: the one prefix every service reads topic names from (PULSE_TOPIC_*). */
    @Bean
    TopicNames topicNames(Environment environment) {
        return Binder.get(environment).bind("pulse.kafka.topics", TopicNames.class).orElseGet(TopicNames::defaults);
    }
}
