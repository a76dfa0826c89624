package dev.pulse.launcher.database;

/** Where report-api finds PostgreSQL. */
public record DatabaseSettings(String jdbcUrl, String user, String password) {
}
