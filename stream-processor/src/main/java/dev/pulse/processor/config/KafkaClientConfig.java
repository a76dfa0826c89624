package dev.pulse.processor.config;

import dev.pulse.events.kafka.KafkaClientSettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** {@code pulse.kafka.*}: the client settings and replication every Pulse service shares. */
@Configuration(proxyBeanMethods = false)
class KafkaClientConfig {

    @Bean
    KafkaClientSettings kafkaClientSettings(Environment environment) {
        return Binder.get(environment).bind("pulse.kafka", KafkaClientSettings.class)
                .orElseGet(KafkaClientSettings::none);
    }
}
