package dev.pulse.launcher.stack;

import dev.pulse.security.TokenHash;

/**
 * The secrets a stack starts with. The admin token and the ingest token are configured tokens:
 * both services hash them in memory and nothing stores them, so a new run may bring new ones.
 *
 * @param adminToken    ADMIN bearer token for the admin API and every report
 * @param adminPassword the first admin's password, used only while no admin user exists (null: none)
 * @param ingestToken   INGEST bearer token of the launcher's own clients (the demo generator)
 * @param metricsToken  METRICS bearer token every service accepts for /actuator/prometheus (null: none
 *                      configured; the services still read PULSE_METRICS_TOKEN themselves)
 */
public record StackCredentials(String adminToken, String adminPassword, String ingestToken, String metricsToken) {

    public StackCredentials(String adminToken, String adminPassword, String ingestToken) {
        this(adminToken, adminPassword, ingestToken, null);
    }

    /** Fresh random tokens and no admin password: what tests and benchmarks need. */
    public static StackCredentials generate() {
        return new StackCredentials(TokenHash.newToken(), null, TokenHash.newToken());
    }
}
