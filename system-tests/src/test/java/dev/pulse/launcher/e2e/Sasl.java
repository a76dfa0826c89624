package dev.pulse.launcher.e2e;

import dev.pulse.events.kafka.KafkaClientSettings;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * SASL over plaintext as these tests set it up, the broker's side and the client's from one place:
 * clients and brokers meet on a SASL_PLAINTEXT listener, the controllers on a plaintext one of their own.
 */
enum Sasl {

    PLAIN("PLAIN", "org.apache.kafka.common.security.plain.PlainLoginModule"),
    SCRAM_SHA_512("SCRAM-SHA-512", "org.apache.kafka.common.security.scram.ScramLoginModule");

    private final String mechanism;
    private final String loginModule;

    Sasl(String mechanism, String loginModule) {
        this.mechanism = mechanism;
        this.loginModule = loginModule;
    }

    /** A JAAS login of {@code user}; {@code options} follow the password (a PLAIN broker's {@code user_<name>="…"}), or are "". */
    String jaas(String user, String password, String options) {
        return loginModule + " required username=\"" + user + "\" password=\"" + password + "\"" + options + ";";
    }

    /** A broker's listener settings, the brokers among themselves logging in with {@code brokerJaas}. */
    Map<String, String> brokerListeners(int port, int controllerPort, String brokerJaas) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("listeners", "SASL_PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        config.put("advertised.listeners", "SASL_PLAINTEXT://localhost:" + port);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "SASL_PLAINTEXT");
        config.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("sasl.enabled.mechanisms", mechanism);
        config.put("sasl.mechanism.inter.broker.protocol", mechanism);
        config.put("listener.name.sasl_plaintext." + mechanism.toLowerCase(Locale.ROOT) + ".sasl.jaas.config", brokerJaas);
        return config;
    }

    /**
     * What a Pulse service is given to log in as {@code user}, with the replication its topics get
     * (both null: the broker's defaults).
     */
    KafkaClientSettings client(String user, String password, Short replicationFactor, Short minInsyncReplicas) {
        return new KafkaClientSettings(Map.of(
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", mechanism,
                "sasl.jaas.config", jaas(user, password, "")),
                replicationFactor, minInsyncReplicas);
    }
}
