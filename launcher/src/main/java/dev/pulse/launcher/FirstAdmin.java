package dev.pulse.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * The admin's password on the first start of a data directory: PULSE_ADMIN_PASSWORD, or a random
 * one printed once. Later starts pass none, so report-api keeps the admin it has; a marker file in
 * the data directory (not the password) remembers that the admin exists.
 */
record FirstAdmin(Path marker, String password, boolean generated) {

    /** No 0/O, 1/l/I: people copy this from a terminal. */
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    static FirstAdmin of(Path dataDir, String fromEnvironment) {
        Path marker = dataDir.resolve("admin-created");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new FirstAdmin(marker, fromEnvironment.strip(), false);
        }
        if (Files.exists(marker)) {
            return new FirstAdmin(marker, null, false);
        }
        return new FirstAdmin(marker, newPassword(), true);
    }

    static String newPassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    void markCreated() {
        try {
            Files.writeString(marker, "the admin user exists in this data directory's database; its password was"
                    + " printed on the first start (or came from PULSE_ADMIN_PASSWORD)\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String signInLine() {
        if (generated) {
            return "  Sign in as admin, password: " + password + "  (shown this once; set PULSE_ADMIN_PASSWORD to choose it)";
        }
        return password == null
                ? "  Sign in as admin with the password printed on the first start (or PULSE_ADMIN_PASSWORD)."
                : "  Sign in as admin with PULSE_ADMIN_PASSWORD.";
    }
}
