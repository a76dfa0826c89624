package dev.pulse.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pulse.launcher.importing.ImportCommand;
import dev.pulse.launcher.stack.PulseStack;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Imports the public Maven CRM opportunities (../shared/datasets, never copied into the repo) with
 * {@code pulse import} and the example mapping {@code importer/examples/maven-crm-sales-pipeline.json}:
 * one follow-up per opportunity, WON or LOST at its close date. The overall and per-agent win rates
 * of the funnel report must equal those counted here straight from the CSV; the opportunities
 * still in Prospecting have no date and must be the rejected rows.
 */
class MavenCrmImportIT {

    private static final String DATASET = "shared/datasets/maven-crm-sales-opportunities/sales_pipeline.csv";

    @TempDir
    static Path dir;

    private static PulseStack stack;
    private static PulseClient client;
    private static List<String[]> opportunities;
    private static String output;
    private static int exit;

    @BeforeAll
    static void importDataset() throws IOException {
        Path csv = locate(DATASET);
        Assumptions.assumeTrue(csv != null, "skipped: " + DATASET + " not found beside the project");
        opportunities = Files.readAllLines(csv, StandardCharsets.UTF_8).stream().skip(1)
                .map(line -> line.strip().split(",", -1)).toList();
        stack = EmbeddedStack.start(EmbeddedStack.settingsFor("crm-import"));
        client = new PulseClient(stack);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exit = ImportCommand.run(new String[] {csv.toString(), "--mapping",
                        locate("importer/examples/maven-crm-sales-pipeline.json").toString(),
                        "--ingest", "http://localhost:" + stack.ingestPort(), "--rejected", dir.resolve("rejected.csv").toString()},
                Map.of("PULSE_TOKEN", stack.settings().credentials().ingestToken()), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        output = out.toString(StandardCharsets.UTF_8);
        System.out.print(output);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldRejectExactlyTheOpportunitiesThatNeverHadAFollowUp() throws IOException {
        long prospecting = opportunities.stream().filter(o -> o[5].isEmpty() && o[6].isEmpty()).count();
        long imported = opportunities.size() - prospecting;
        assertThat(exit).isEqualTo(1);
        assertThat(output).contains(String.format("%,d rows read, %,d accepted, %,d rejected, %,d customers",
                opportunities.size(), imported, prospecting, imported));
        assertThat(Files.readAllLines(dir.resolve("rejected.csv"))).hasSize((int) prospecting + 1)
                .allMatch(line -> line.startsWith("\uFEFF") || line.contains("Prospecting") && line.endsWith("occurredAt is required"));
    }

    @Test
    void shouldReportTheWinRatesCountedFromTheCsv() {
        Map<String, int[]> wonLostByAgent = new TreeMap<>();
        for (String[] o : opportunities) {
            int[] counts = wonLostByAgent.computeIfAbsent(o[1], a -> new int[2]);
            if (o[4].equals("Won")) {
                counts[0]++;
            } else if (o[4].equals("Lost")) {
                counts[1]++;
            }
        }
        int won = wonLostByAgent.values().stream().mapToInt(c -> c[0]).sum();
        int lost = wonLostByAgent.values().stream().mapToInt(c -> c[1]).sum();

        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            JsonNode funnel = client.get("/api/v1/reports/funnel?from=2016-01-01&to=2017-12-31");
            assertThat(funnel.get("won").asInt()).isEqualTo(won);
            assertThat(funnel.get("lost").asInt()).isEqualTo(lost);
        });
        JsonNode overall = client.get("/api/v1/reports/funnel?from=2016-01-01&to=2017-12-31");
        assertThat(overall.get("winRate").asDouble()).isCloseTo((double) won / (won + lost), Offset.offset(1e-4));
        for (Map.Entry<String, int[]> agent : wonLostByAgent.entrySet()) {
            JsonNode funnel = client.get("/api/v1/reports/funnel?from=2016-01-01&to=2017-12-31&repId="
                    + URLEncoder.encode(agent.getKey(), StandardCharsets.UTF_8));
            int[] counts = agent.getValue();
            assertThat(funnel.get("won").asInt()).as("won of %s", agent.getKey()).isEqualTo(counts[0]);
            assertThat(funnel.get("lost").asInt()).as("lost of %s", agent.getKey()).isEqualTo(counts[1]);
            if (counts[0] + counts[1] > 0) {
                assertThat(funnel.get("winRate").asDouble()).as("win rate of %s", agent.getKey())
                        .isCloseTo((double) counts[0] / (counts[0] + counts[1]), Offset.offset(1e-4));
            }
        }
    }

    private static Path locate(String relative) {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            for (Path candidate : List.of(d.resolve(relative), d.resolve("..").resolve(relative))) {
                if (Files.isRegularFile(candidate)) {
                    return candidate.normalize();
                }
            }
        }
        return null;
    }
}
