package dev.pulse.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.assertj.core.data.Offset;
import tools.jackson.databind.JsonNode;

/**
 * The Maven CRM dataset in ../shared/datasets, for the tests that bring it in two ways (replayed
 * as events, imported as a sheet) and must both end with the win rates counted from its CSV.
 */
final class MavenCrmDataset {

    private static final String PIPELINE = "shared/datasets/maven-crm-sales-opportunities/sales_pipeline.csv";

    private MavenCrmDataset() {
    }

    /** Whether the dataset is beside the project: the condition of the classes that use it ({@code @EnabledIf}). */
    static boolean present() {
        return locate(PIPELINE) != null;
    }

    /** The dataset's pipeline CSV. */
    static Path pipelineCsv() {
        return Objects.requireNonNull(locate(PIPELINE), () -> PIPELINE + " not found beside the project");
    }

    /** The opportunities of the pipeline CSV, the header left out, each split into its columns. */
    static List<String[]> opportunities() throws IOException {
        return Files.readAllLines(pipelineCsv(), StandardCharsets.UTF_8).stream().skip(1)
                .map(line -> line.strip().split(",", -1)).toList();
    }

    /** The file at {@code relative} from this folder or one of its parents (or their siblings), or null. */
    static Path locate(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : List.of(dir.resolve(relative), dir.resolve("..").resolve(relative))) {
                if (Files.isRegularFile(candidate)) {
                    return candidate.normalize();
                }
            }
        }
        return null;
    }

    /**
     * Counts won and lost per sales agent in the CSV rows (agent in column 1, stage in column 4),
     * then waits until the funnel report shows those counts overall and per agent, win rates included.
     */
    static void assertWinRatesAsCounted(List<String[]> opportunities, PulseClient client) {
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
}
