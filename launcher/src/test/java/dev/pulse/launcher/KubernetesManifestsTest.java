package dev.pulse.launcher;

import static dev.pulse.launcher.ServiceConfigs.app;
import static dev.pulse.launcher.ServiceConfigs.findUpwards;
import static dev.pulse.launcher.ServiceConfigs.portOf;
import static dev.pulse.launcher.ServiceConfigs.springPlaceholders;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.launcher.ServiceConfigs.App;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads deploy/k8s against the services' own configuration (ingest.yml, processor.yml, report.yml):
 * no Kubernetes runs where the tests run, so a misspelled variable (which Spring ignores without a
 * word), a probe on a path the service does not serve or a port that drifted would otherwise show
 * up only in a cluster.
 */
class KubernetesManifestsTest {

    /**
     * Variables the services read that are no placeholder in their files: the Kafka client prefix
     * (bound as {@code pulse.kafka.client.*}) and Spring Boot's JSON logs.
     */
    private static final String KAFKA_CLIENT_PREFIX = "PULSE_KAFKA_CLIENT_";
    private static final Set<String> SPRING_BOOT_VARIABLES = Set.of("LOGGING_STRUCTURED_FORMAT_CONSOLE");
    private static final Set<String> PROBE_PATHS = Set.of("/actuator/health/liveness", "/actuator/health/readiness");

    private static Path dir;
    private static List<Map<String, Object>> resources;

    @BeforeAll
    static void loadManifests() throws IOException {
        dir = findUpwards("deploy/k8s");
        resources = new ArrayList<>();
        for (Object file : list(load(dir.resolve("kustomization.yaml")).getFirst().get("resources"))) {
            resources.addAll(load(dir.resolve(String.valueOf(file))));
        }
    }

    @Test
    void shouldListEveryManifestOfTheDirectoryInTheKustomization() throws IOException {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> listing = Files.list(dir)) {
            listing.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".yaml"))
                    .filter(name -> !name.equals("kustomization.yaml")).forEach(files::add);
        }
        assertThat(list(load(dir.resolve("kustomization.yaml")).getFirst().get("resources"))).map(String::valueOf)
                .containsExactlyInAnyOrderElementsOf(files);
    }

    @Test
    void shouldRunEachServiceOnceTheProcessorAsAStatefulSet() {
        assertThat(workloads()).extracting(w -> w.get("kind") + "/" + container(w).get("name")).containsExactlyInAnyOrder(
                "StatefulSet/stream-processor", "Deployment/report-api", "Deployment/ingest-service");
    }

    @Test
    void shouldSetOnlyVariablesTheServiceReads() {
        for (Map<String, Object> workload : workloads()) {
            App app = app(String.valueOf(container(workload).get("name")));
            Set<String> read = springPlaceholders(app.config()).keySet();

            assertThat(environment(container(workload)).keySet())
                    .as("environment of %s: a name that is no placeholder in %s is dead or misspelled", app.service(), app.config())
                    .allSatisfy(name -> assertThat(read.contains(name) || name.startsWith(KAFKA_CLIENT_PREFIX)
                            || SPRING_BOOT_VARIABLES.contains(name)).as(name).isTrue());
        }
    }

    @Test
    void shouldTakeEveryReferencedKeyFromAConfigMapOrSecretThatHoldsIt() {
        List<String> used = new ArrayList<>();
        for (Map<String, Object> workload : workloads()) {
            for (Map<String, Object> variable : maps(container(workload).get("env"))) {
                Map<String, Object> from = map(variable.get("valueFrom"));
                for (String kind : List.of("configMapKeyRef", "secretKeyRef")) {
                    if (from != null && from.containsKey(kind)) {
                        Map<String, Object> ref = map(from.get(kind));
                        assertThat(data(kind.equals("secretKeyRef") ? "Secret" : "ConfigMap", String.valueOf(ref.get("name"))))
                                .as("%s of %s", kind, variable.get("name")).containsKey(String.valueOf(ref.get("key")));
                        used.add(ref.get("name") + "/" + ref.get("key"));
                    }
                }
            }
            maps(container(workload).get("envFrom")).forEach(from -> data("ConfigMap",
                    String.valueOf(map(from.get("configMapRef")).get("name"))).keySet()
                    .forEach(key -> used.add(map(from.get("configMapRef")).get("name") + "/" + key)));
        }
        for (Map<String, Object> resource : resources) {
            if (Set.of("ConfigMap", "Secret").contains(resource.get("kind"))) {
                String name = String.valueOf(map(resource.get("metadata")).get("name"));
                assertThat(data(String.valueOf(resource.get("kind")), name).keySet()).as("keys of %s no service reads", name)
                        .allSatisfy(key -> assertThat(used).contains(name + "/" + key));
            }
        }
    }

    @Test
    void shouldKeepTokensAndPasswordsInTheSecret() {
        for (Map<String, Object> workload : workloads()) {
            for (Map<String, Object> variable : maps(container(workload).get("env"))) {
                String name = String.valueOf(variable.get("name"));
                if (name.contains("TOKEN") || name.contains("PASSWORD") || name.contains("JAAS") || name.equals("PULSE_WEBHOOKS")) {
                    assertThat(map(variable.get("valueFrom"))).as("%s of %s", name, container(workload).get("name"))
                            .containsKey("secretKeyRef");
                }
            }
        }
        resources.stream().filter(r -> "ConfigMap".equals(r.get("kind"))).forEach(configMap -> assertThat(
                map(configMap.get("data")).keySet()).noneMatch(key -> key.contains("PASSWORD") || key.contains("TOKEN")
                || key.contains("JAAS")));
    }

    @Test
    void shouldListenWhereTheServiceListensAndProbeItsHealthGroups() {
        for (Map<String, Object> workload : workloads()) {
            Map<String, Object> container = container(workload);
            App app = app(String.valueOf(container.get("name")));
            Map<String, Object> port = maps(container.get("ports")).getFirst();
            assertThat(String.valueOf(port.get("containerPort"))).as("containerPort of %s", app.service()).isEqualTo(portOf(app));
            assertThat(environment(container)).as("%s moves the port away from its default", app.service())
                    .doesNotContainKey(app.portVariable());
            assertThat(ServiceConfigs.text(app.config())).as("health groups for probes in %s", app.config())
                    .containsPattern("probes:\\s*\\n\\s*enabled: true");
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                Map<String, Object> httpGet = map(map(container.get(probe)).get("httpGet"));
                assertThat(String.valueOf(httpGet.get("path"))).as("%s of %s", probe, app.service()).isIn(PROBE_PATHS);
                assertThat(List.of(String.valueOf(port.get("name")), String.valueOf(port.get("containerPort"))))
                        .as("%s port of %s", probe, app.service()).contains(String.valueOf(httpGet.get("port")));
            }
            Map<String, Object> resourcesOf = map(container.get("resources"));
            assertThat(map(resourcesOf.get("requests"))).as("requests of %s", app.service()).containsKeys("cpu", "memory");
            assertThat(map(resourcesOf.get("limits"))).as("limits of %s", app.service()).containsKey("memory");
        }
    }

    @Test
    void shouldRouteEachServiceToItsPodsPort() {
        for (Map<String, Object> service : kind("Service")) {
            Map<String, Object> spec = map(service.get("spec"));
            Map<String, Object> workload = workloads().stream().filter(w -> labels(w).entrySet()
                    .containsAll(map(spec.get("selector")).entrySet())).findFirst().orElseThrow();
            Map<String, Object> podPort = maps(container(workload).get("ports")).getFirst();
            Map<String, Object> servicePort = maps(spec.get("ports")).getFirst();
            assertThat(servicePort.get("targetPort")).as("targetPort of %s", map(service.get("metadata")).get("name"))
                    .isIn(podPort.get("name"), podPort.get("containerPort"));
            assertThat(servicePort.get("port")).isEqualTo(podPort.get("containerPort"));
        }
    }

    @Test
    void shouldKeepEachProcessorsStateOnItsOwnVolumeWithAStandbyElsewhere() {
        Map<String, Object> statefulSet = kind("StatefulSet").getFirst();
        Map<String, Object> spec = map(statefulSet.get("spec"));
        Map<String, Object> container = container(statefulSet);
        Map<String, Object> env = new LinkedHashMap<>();
        maps(container.get("env")).forEach(variable -> env.put(String.valueOf(variable.get("name")),
                variable.containsKey("value") ? variable.get("value") : variable.get("valueFrom")));

        String claim = String.valueOf(map(maps(spec.get("volumeClaimTemplates")).getFirst().get("metadata")).get("name"));
        Map<String, Object> mount = maps(container.get("volumeMounts")).stream()
                .filter(m -> claim.equals(m.get("name"))).findFirst().orElseThrow();
        assertThat(String.valueOf(env.get("PULSE_STATE_DIR"))).startsWith(mount.get("mountPath") + "/");
        assertThat(Integer.parseInt(String.valueOf(env.get("PULSE_PROCESSOR_STANDBY_REPLICAS")))).isPositive();
        assertThat(env.get("PULSE_PROCESSOR_INSTANCE_ID")).as("the pod's stable name")
                .isEqualTo(Map.of("fieldRef", Map.of("fieldPath", "metadata.name")));
        assertThat((Integer) spec.get("replicas")).isGreaterThan(1)
                .isLessThanOrEqualTo(Integer.parseInt(String.valueOf(data("ConfigMap", "pulse-kafka").get("PULSE_TOPIC_PARTITIONS"))));
    }

    // --- reading the manifests ---

    private static List<Map<String, Object>> workloads() {
        return resources.stream().filter(r -> Set.of("Deployment", "StatefulSet").contains(r.get("kind"))).toList();
    }

    private static List<Map<String, Object>> kind(String kind) {
        return resources.stream().filter(r -> kind.equals(r.get("kind"))).toList();
    }

    private static Map<String, Object> podSpec(Map<String, Object> workload) {
        return map(map(map(workload.get("spec")).get("template")).get("spec"));
    }

    private static Map<String, Object> labels(Map<String, Object> workload) {
        return map(map(map(map(workload.get("spec")).get("template")).get("metadata")).get("labels"));
    }

    private static Map<String, Object> container(Map<String, Object> workload) {
        List<Map<String, Object>> containers = maps(podSpec(workload).get("containers"));
        assertThat(containers).as("containers of %s", map(workload.get("metadata")).get("name")).hasSize(1);
        return containers.getFirst();
    }

    /** Every variable the container gets: its env entries and the keys of the ConfigMaps it takes whole. */
    private static Map<String, Object> environment(Map<String, Object> container) {
        Map<String, Object> environment = new LinkedHashMap<>();
        for (Map<String, Object> from : maps(container.get("envFrom"))) {
            environment.putAll(data("ConfigMap", String.valueOf(map(from.get("configMapRef")).get("name"))));
        }
        maps(container.get("env")).forEach(variable -> environment.put(String.valueOf(variable.get("name")),
                Objects.requireNonNullElse(variable.get("value"), variable.get("valueFrom"))));
        return environment;
    }

    /** The data of a ConfigMap, or the stringData of a Secret, named {@code name}. */
    private static Map<String, Object> data(String kind, String name) {
        Map<String, Object> resource = resources.stream().filter(r -> kind.equals(r.get("kind"))
                && name.equals(map(r.get("metadata")).get("name"))).findFirst().orElse(null);
        assertThat(resource).as("%s %s in deploy/k8s", kind, name).isNotNull();
        return map(resource.get(kind.equals("Secret") ? "stringData" : "data"));
    }

    private static List<Map<String, Object>> load(Path file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            new Yaml().loadAll(reader).forEach(document -> documents.add(map(document)));
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static List<?> list(Object value) {
        return value == null ? List.of() : (List<?>) value;
    }

    private static List<Map<String, Object>> maps(Object value) {
        return list(value).stream().map(KubernetesManifestsTest::map).toList();
    }
}
