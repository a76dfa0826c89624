package dev.pulse.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code ./pulse run} was asked to do.
 *
 * @param portsOffset added to every port Pulse listens on (8080-8082, 9092-9093), so a second
 *                    Pulse (the benchmark's) can run beside the usual one
 * @param kafka       bootstrap servers of an existing Kafka cluster to use instead of starting one
 *                    ({@code --kafka}, else {@code KAFKA_BOOTSTRAP_SERVERS}); null: start the embedded broker
 * @param db          JDBC URL of an existing PostgreSQL that must be used ({@code --db}); null: the one
 *                    answering on {@code PULSE_DB_URL}, or else an embedded one
 */
record LaunchOptions(Path dataDir, boolean demo, List<String> webhooks, int portsOffset, String kafka, String db) {

    static final String USAGE = "usage: pulse run [--no-demo] [--data-dir DIR] [--webhook [FORMAT=]URL]... [--ports-offset N]"
            + " [--kafka HOST:PORT[,HOST:PORT...]] [--db jdbc:postgresql://HOST:PORT/DB]";
    private static final int MAX_OFFSET = 50_000;

    static LaunchOptions parse(String[] args) {
        return parse(args, Map.of());
    }

    /** Reads the options; {@code KAFKA_BOOTSTRAP_SERVERS} from the environment stands for a missing {@code --kafka}. */
    static LaunchOptions parse(String[] args, Map<String, String> environment) {
        List<String> rest = new ArrayList<>(List.of(args));
        if (!rest.isEmpty() && rest.getFirst().equals("run")) {
            rest.removeFirst();
        }
        Path dataDir = Path.of("var");
        boolean demo = true;
        List<String> webhooks = new ArrayList<>();
        int portsOffset = 0;
        String kafka = blankToNull(environment.get("KAFKA_BOOTSTRAP_SERVERS"));
        String db = null;
        for (int i = 0; i < rest.size(); i++) {
            switch (rest.get(i)) {
                case "--no-demo" -> demo = false;
                case "--data-dir" -> {
                    if (i + 1 >= rest.size()) {
                        throw new LaunchException("--data-dir needs a directory. " + USAGE);
                    }
                    dataDir = Path.of(rest.get(++i));
                }
                case "--webhook" -> {
                    if (i + 1 >= rest.size() || !rest.get(i + 1).matches("^([a-zA-Z]+=)?https?://.+")) {
                        throw new LaunchException("--webhook needs an http(s) URL, optionally prefixed with wecom=,"
                                + " dingtalk=, feishu= or generic=. " + USAGE);
                    }
                    webhooks.add(rest.get(++i));
                }
                case "--ports-offset" -> {
                    if (i + 1 >= rest.size() || !rest.get(i + 1).matches("\\d{1,5}")
                            || Integer.parseInt(rest.get(i + 1)) > MAX_OFFSET) {
                        throw new LaunchException("--ports-offset needs a number from 0 to " + MAX_OFFSET + ". " + USAGE);
                    }
                    portsOffset = Integer.parseInt(rest.get(++i));
                }
                case "--kafka" -> {
                    if (i + 1 >= rest.size() || !rest.get(i + 1).matches("[^\\s,:]+:\\d{1,5}(,[^\\s,:]+:\\d{1,5})*")) {
                        throw new LaunchException("--kafka needs the cluster's bootstrap servers, HOST:PORT[,HOST:PORT...]. " + USAGE);
                    }
                    kafka = rest.get(++i);
                }
                case "--db" -> {
                    if (i + 1 >= rest.size() || !rest.get(i + 1).matches("jdbc:postgresql://[^/\\s]+/[^\\s]+")) {
                        throw new LaunchException("--db needs a JDBC URL, jdbc:postgresql://HOST:PORT/DATABASE"
                                + " (user and password in PULSE_DB_USER and PULSE_DB_PASSWORD). " + USAGE);
                    }
                    db = rest.get(++i);
                }
                default -> throw new LaunchException("Unknown option '" + rest.get(i) + "'. " + USAGE);
            }
        }
        return new LaunchOptions(dataDir.toAbsolutePath().normalize(), demo, List.copyOf(webhooks), portsOffset, kafka, db);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
