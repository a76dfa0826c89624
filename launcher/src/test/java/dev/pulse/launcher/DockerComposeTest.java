package dev.pulse.launcher;

import static dev.pulse.launcher.ServiceConfigs.APPS;
import static dev.pulse.launcher.ServiceConfigs.findUpwards;
import static dev.pulse.launcher.ServiceConfigs.portOf;
import static dev.pulse.launcher.ServiceConfigs.springPlaceholders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.pulse.launcher.ServiceConfigs.App;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads docker-compose.yml against the services' own configuration files (ingest.yml,
 * processor.yml, report.yml, on this module's classpath through the service jars). No Docker
 * daemon runs where the tests run, so a misspelled variable, a port that drifted from its default
 * or a topic nobody creates would otherwise show up only on the first deployment.
 */
class DockerComposeTest {

    private static final String TOPIC_INIT = "topics-init";

    private static final List<String> TOPIC_VARIABLES = List.of(
            "PULSE_TOPIC_FOLLOWUPS", "PULSE_TOPIC_SALES", "PULSE_TOPIC_ERRORS", "PULSE_TOPIC_CHANGES", "PULSE_TOPIC_DUPLICATE_FLAGS", "PULSE_TOPIC_ALERTS");

    /** Compose's {@code ${NAME}}, {@code ${NAME:-default}} or {@code ${NAME-default}}. */
    private static final Pattern COMPOSE_VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?::?-([^}]*))?}");

    /** A shell variable, {@code $NAME} or {@code ${NAME}}, once compose has turned {@code $$} into {@code $}. */
    private static final Pattern SHELL_VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?");

    private static Path composeFile;
    private static Map<String, Object> compose;
    private static Map<String, Object> services;

    @BeforeAll
    static void loadComposeFile() throws IOException {
        composeFile = findUpwards("docker-compose.yml");
        try (Reader reader = Files.newBufferedReader(composeFile, StandardCharsets.UTF_8)) {
            compose = new Yaml().load(reader);
        }
        assertThat(compose).as("%s parses to a YAML mapping", composeFile).isNotNull();
        services = map(compose.get("services"));
        assertThat(services).as("the services section of %s", composeFile).isNotNull();
    }

    @Test
    void shouldDeclareKafkaPostgresTheTopicJobAndTheThreeServices() {
        assertThat(services).containsKeys(
                "kafka", "postgres", TOPIC_INIT, "ingest-service", "stream-processor", "report-api");
    }

    @Test
    void shouldPublishEachServiceOnThePortItsConfigurationDefaultsTo() {
        for (App app : APPS) {
            String port = portOf(app);

            assertThat(publishedPorts(service(app.service())))
                    .as("ports of %s (the default of ${%s} in %s is %s)", app.service(), app.portVariable(), app.config(), port)
                    .contains(port + ":" + port);
        }
    }

    @Test
    void shouldSetOnlyVariablesTheServiceConfigurationReads() {
        for (App app : APPS) {
            Set<String> read = springPlaceholders(app.config()).keySet();

            assertThat(environment(service(app.service())).keySet())
                    .as("environment of %s: a name that is no placeholder in %s is dead or misspelled", app.service(), app.config())
                    .isSubsetOf(read);
        }
    }

    @Test
    void shouldPointEveryServiceAtTheInternalListenerAndReportApiAtPostgres() {
        String advertised = String.valueOf(environment(service("kafka")).get("KAFKA_ADVERTISED_LISTENERS"));
        for (App app : APPS) {
            String bootstrap = environment(service(app.service())).get("KAFKA_BOOTSTRAP_SERVERS");

            assertThat(bootstrap).as("KAFKA_BOOTSTRAP_SERVERS of %s", app.service()).isEqualTo("kafka:9092");
            assertThat(advertised).as("KAFKA_ADVERTISED_LISTENERS of kafka").contains("://" + bootstrap);
        }

        String database = resolveComposeDefaults(environment(service("postgres")).get("POSTGRES_DB"));
        assertThat(environment(service("report-api")))
                .containsEntry("PULSE_DB_URL", "jdbc:postgresql://postgres:5432/" + database)
                .containsKeys("PULSE_DB_USER", "PULSE_DB_PASSWORD");
    }

    @Test
    void shouldFallBackToTheServiceDefaultsWhenTheHostSetsNothing() {
        // NAME: ${NAME:-x} hands the host's NAME to the container, or x when the host has none;
        // x must then be what the service would have used anyway, or compose and a bare jar differ.
        List<String> checked = new ArrayList<>();
        for (App app : APPS) {
            Map<String, String> defaults = springPlaceholders(app.config());
            environment(service(app.service())).forEach((name, value) -> {
                Matcher host = COMPOSE_VARIABLE.matcher(value);
                if (host.matches() && host.group(1).equals(name) && host.group(2) != null) {
                    assertThat(host.group(2))
                            .as("compose default of %s for %s, against %s", name, app.service(), app.config())
                            .isEqualTo(defaults.get(name));
                    checked.add(app.service() + "/" + name);
                }
            });
        }
        assertThat(checked).as("variables passed through from the host").contains(
                "ingest-service/PULSE_TOPIC_PARTITIONS", "report-api/PULSE_ZONE", "stream-processor/PULSE_ZONE");
    }

    @Test
    void shouldGiveEveryLongRunningServiceAHealthcheck() {
        for (String name : services.keySet()) {
            if (name.equals(TOPIC_INIT)) {
                continue; // a one-shot job: the others wait for it to complete, not to be healthy
            }
            Map<String, Object> healthcheck = map(service(name).get("healthcheck"));

            assertThat(healthcheck).as("healthcheck of %s", name).isNotNull();
            assertThat(healthcheck.get("disable")).as("healthcheck.disable of %s", name).isNotEqualTo(true);
            assertThat(commandLine(healthcheck.get("test"))).as("healthcheck.test of %s", name).isNotBlank().isNotEqualTo("NONE");
        }
    }

    @Test
    void shouldProbeEachServiceHealthEndpointOnItsOwnPort() {
        for (App app : APPS) {
            String test = commandLine(map(service(app.service()).get("healthcheck")).get("test"));

            assertThat(test).as("healthcheck of %s", app.service()).contains("http://localhost:" + portOf(app) + "/actuator/health");
        }
    }

    @Test
    void shouldStartTheServicesOnlyOnceKafkaIsHealthyAndTheTopicsExist() {
        for (App app : APPS) {
            assertThat(dependsOn(service(app.service())))
                    .as("depends_on of %s", app.service())
                    .containsEntry("kafka", "service_healthy")
                    .containsEntry(TOPIC_INIT, "service_completed_successfully");
        }
        assertThat(dependsOn(service("report-api"))).as("depends_on of report-api").containsEntry("postgres", "service_healthy");
        assertThat(dependsOn(service(TOPIC_INIT))).as("depends_on of %s", TOPIC_INIT).containsEntry("kafka", "service_healthy");
        assertThat(service(TOPIC_INIT).get("restart")).as("restart of the one-shot %s", TOPIC_INIT).isEqualTo("no");
    }

    @Test
    void shouldCreateTheTopicsTheServicesReadWithTheirDefaultPartitionsAndPolicy() {
        Map<String, String> defaults = springPlaceholders("ingest.yml");
        for (App app : APPS) {
            Map<String, String> own = springPlaceholders(app.config());
            for (String variable : TOPIC_VARIABLES) {
                assertThat(own.get(variable)).as("default of ${%s} in %s against ingest.yml", variable, app.config())
                        .isEqualTo(defaults.get(variable));
            }
        }
        // Each topic's settings (retention, compaction) are declared once, in the PulseTopics catalogue;
        // the compose file's job must create every topic with exactly those.
        Map<String, Map<String, String>> declared = new LinkedHashMap<>();
        dev.pulse.events.PulseTopics.of(dev.pulse.events.TopicNames.defaults()).all()
                .forEach(topic -> declared.put(topic.name(), topic.configs()));
        List<String> script = initScriptAsRun().lines().toList();

        List<String> createLines = script.stream().filter(line -> line.contains("--topic")).toList();
        assertThat(createLines.stream().map(line -> argument(line, "--topic")).toList())
                .as("topics created by %s", TOPIC_INIT)
                .containsExactlyInAnyOrderElementsOf(TOPIC_VARIABLES.stream().map(defaults::get).toList());
        assertThat(script.stream().filter(line -> line.contains("--partitions")).map(line -> argument(line, "--partitions")).toList())
                .as("partitions given by %s", TOPIC_INIT)
                .isNotEmpty()
                .containsOnly(defaults.get("PULSE_TOPIC_PARTITIONS"));
        assertThat(String.join("\n", script)).as("the %s command", TOPIC_INIT).contains("kafka-topics.sh").contains("--if-not-exists");
        for (String line : createLines) {
            Map<String, String> configs = new LinkedHashMap<>();
            Matcher config = Pattern.compile("--config\\s+([a-z.]+)=(\\S+)").matcher(line);
            while (config.find()) {
                configs.put(config.group(1), config.group(2));
            }
            assertThat(configs).as("the settings in: %s", line.strip()).isEqualTo(declared.get(argument(line, "--topic")));
        }
    }

    @Test
    void shouldBuildEachServiceFromADockerfileThatExistsWithItsOwnModule() {
        Path root = composeFile.getParent();
        for (App app : APPS) {
            assertThat(service(app.service()).get("build")).as("build of %s", app.service()).isNotNull();
        }
        for (String name : services.keySet()) {
            Object build = service(name).get("build");
            if (build == null) {
                continue;
            }
            Map<String, Object> spec = build instanceof String context ? Map.of("context", context) : map(build);
            Path context = root.resolve(String.valueOf(spec.getOrDefault("context", ".")));
            Path dockerfile = context.resolve(String.valueOf(spec.getOrDefault("dockerfile", "Dockerfile")));

            assertThat(dockerfile).as("Dockerfile of %s", name).isRegularFile();
            Map<String, Object> args = map(spec.get("args"));
            if (args != null && args.containsKey("MODULE")) {
                assertThat(args.get("MODULE")).as("MODULE build argument of %s", name).isEqualTo(name);
                assertThat(root.resolve(name).resolve("pom.xml")).as("module of %s", name).isRegularFile();
            }
        }
    }

    @Test
    void shouldListEverySettingItReadsInEnvExample() throws IOException {
        Set<String> listed = new LinkedHashSet<>();
        for (String line : Files.readAllLines(composeFile.resolveSibling(".env.example"), StandardCharsets.UTF_8)) {
            Matcher assignment = Pattern.compile("^([A-Z0-9_]+)=").matcher(line);
            if (assignment.find()) {
                listed.add(assignment.group(1));
            }
        }
        Set<String> read = new LinkedHashSet<>();
        Matcher variable = COMPOSE_VARIABLE.matcher(Files.readString(composeFile, StandardCharsets.UTF_8));
        while (variable.find()) {
            read.add(variable.group(1));
        }
        read.remove("NAME"); // the header comment's example
        assertThat(listed).as(".env.example against the variables of %s", composeFile).containsAll(read);
    }

    @Test
    void shouldLimitTheMemoryOfEveryLongRunningService() {
        for (String name : services.keySet()) {
            if (!name.equals(TOPIC_INIT)) {
                assertThat(service(name).get("mem_limit")).as("mem_limit of %s", name).isNotNull();
            }
        }
    }

    @Test
    void shouldPublishNoUnauthenticatedListenerOnEveryInterface() {
        for (String name : List.of("kafka", "stream-processor")) {
            for (Object port : (List<?>) service(name).getOrDefault("ports", List.of())) {
                assertThat(String.valueOf(port)).as("a port of %s", name).startsWith("127.0.0.1:");
            }
        }
        assertThat(service("postgres").get("ports")).as("ports of postgres").isNull();
    }

    @Test
    void shouldCreateTheTopicsWithTheOneReplicationSetting() {
        String script = initScriptAsRun();
        assertThat(script).contains("--replication-factor \"1\"").contains("min.insync.replicas=\"1\"");
        assertThat(commandLine(service(TOPIC_INIT).get("command"))).doesNotContain("--replication-factor 1");
        for (App app : APPS) {
            assertThat(environment(service(app.service())))
                    .as("the replication setting of %s", app.service())
                    .containsKeys("PULSE_KAFKA_REPLICATION_FACTOR", "PULSE_KAFKA_MIN_INSYNC_REPLICAS");
        }
    }

    @Test
    void shouldLetTheFirstAdminSignInWithoutPresetSecrets() {
        assertThat(environment(service("report-api"))).containsEntry("PULSE_GENERATE_ADMIN_PASSWORD", "true");
        for (App app : APPS) {
            assertThat(service(app.service()).get("env_file")).as("env_file of %s (PULSE_KAFKA_CLIENT_*)", app.service())
                    .isNotNull();
        }
    }

    @Test
    void shouldKeepTheProcessorStateOnANamedVolume() {
        String stateDir = environment(service("stream-processor")).get("PULSE_STATE_DIR");
        Map<String, Object> declared = map(compose.get("volumes"));

        assertThat(stateDir).as("PULSE_STATE_DIR of stream-processor").startsWith("/");
        assertThat(declared).as("top-level volumes").isNotNull();
        List<String> holding = ((List<?>) service("stream-processor").get("volumes")).stream()
                .map(String::valueOf)
                .filter(mount -> mount.contains(":"))
                .filter(mount -> stateDir.startsWith(mount.split(":")[1] + "/") || stateDir.equals(mount.split(":")[1]))
                .map(mount -> mount.split(":")[0])
                .toList();
        assertThat(holding).as("volumes of stream-processor that hold %s", stateDir).hasSize(1);
        assertThat(declared).as("top-level volumes").containsKey(holding.get(0));
    }

    // --- reading the compose file ---

    private static Map<String, Object> service(String name) {
        assertThat(services).as("services of %s", composeFile).containsKey(name);
        return map(services.get(name));
    }

    /** The environment as compose passes it, in either the mapping or the {@code NAME=value} list form. */
    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> environment = new LinkedHashMap<>();
        Object declared = service.get("environment");
        if (declared instanceof Map<?, ?> entries) {
            entries.forEach((name, value) -> environment.put(String.valueOf(name), value == null ? "" : String.valueOf(value)));
        } else if (declared instanceof List<?> entries) {
            for (Object entry : entries) {
                String[] pair = String.valueOf(entry).split("=", 2);
                environment.put(pair[0], pair.length == 2 ? pair[1] : "");
            }
        }
        return environment;
    }

    /** Published ports as {@code host:container}, from the short or the long syntax. */
    private static List<String> publishedPorts(Map<String, Object> service) {
        List<String> ports = new ArrayList<>();
        for (Object port : (List<?>) service.getOrDefault("ports", List.of())) {
            if (port instanceof Map<?, ?> spec) {
                ports.add(spec.get("published") + ":" + spec.get("target"));
            } else {
                String[] parts = String.valueOf(port).replaceAll("/(tcp|udp)$", "").split(":");
                ports.add(parts.length >= 2 ? parts[parts.length - 2] + ":" + parts[parts.length - 1] : parts[0]);
            }
        }
        return ports;
    }

    /** depends_on as service name to condition; the list form and a missing condition mean service_started. */
    private static Map<String, String> dependsOn(Map<String, Object> service) {
        Map<String, String> conditions = new LinkedHashMap<>();
        Object declared = service.get("depends_on");
        if (declared instanceof List<?> names) {
            names.forEach(name -> conditions.put(String.valueOf(name), "service_started"));
        } else if (declared instanceof Map<?, ?> entries) {
            entries.forEach((name, spec) -> {
                Object condition = spec instanceof Map<?, ?> m ? m.get("condition") : null;
                conditions.put(String.valueOf(name), condition == null ? "service_started" : String.valueOf(condition));
            });
        }
        return conditions;
    }

    private static String commandLine(Object command) {
        if (command instanceof List<?> parts) {
            return String.join(" ", parts.stream().map(String::valueOf).toList());
        }
        return command == null ? "" : String.valueOf(command);
    }

    /**
     * The topic job's command as the shell runs it on a host that sets none of the variables:
     * compose turns {@code $$} into {@code $}, then the shell expands the variables compose put in
     * the container's environment. A variable the environment lacks fails the test, since the
     * shell would silently expand it to nothing.
     */
    private static String initScriptAsRun() {
        Map<String, Object> job = service(TOPIC_INIT);
        String raw = commandLine(job.get("entrypoint")) + " " + commandLine(job.get("command"));
        String escaped = "\u0000";
        String afterCompose = resolveComposeDefaults(raw.replace("$$", escaped)).replace(escaped, "$");

        Map<String, String> environment = new LinkedHashMap<>();
        environment(job).forEach((name, value) -> environment.put(name, resolveComposeDefaults(value)));
        Set<String> missing = new LinkedHashSet<>();
        String expanded = SHELL_VARIABLE.matcher(afterCompose).replaceAll(variable -> {
            String value = environment.get(variable.group(1));
            if (value == null) {
                missing.add(variable.group(1));
                return "";
            }
            return Matcher.quoteReplacement(value);
        });
        assertThat(missing).as("variables the %s command reads but its environment does not set", TOPIC_INIT).isEmpty();
        return expanded;
    }

    /** What compose makes of a value when the host sets none of the variables it names. */
    private static String resolveComposeDefaults(String value) {
        return COMPOSE_VARIABLE.matcher(value)
                .replaceAll(variable -> Matcher.quoteReplacement(variable.group(2) == null ? "" : variable.group(2)));
    }

    /** The (possibly quoted) word after {@code option} in a command line. */
    private static String argument(String line, String option) {
        Matcher matcher = Pattern.compile(Pattern.quote(option) + "\\s+\"?([^\\s\"]+)\"?").matcher(line);
        if (!matcher.find()) {
            fail("no value after %s in: %s", option, line.strip());
        }
        return matcher.group(1);
    }

    // --- plumbing ---

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
