package dev.pulse.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.launcher.importing.ImportCommand;
import dev.pulse.launcher.stack.PulseStack;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports the public Maven CRM opportunities (../shared/datasets, never copied into the repo) with
 * {@code pulse import} and the example mapping {@code importer/examples/maven-crm-sales-pipeline.json}:
 * one follow-up per opportunity, WON or LOST at its close date. The overall and per-agent win rates
 * of the funnel report must equal those counted here straight from the CSV; the opportunities
 * still in Prospecting have no date and must be the rejected rows.
 */
@EnabledIf(value = "dev.pulse.launcher.e2e.MavenCrmDataset#present",
        disabledReason = "shared/datasets/maven-crm-sales-opportunities not found beside the project")
class MavenCrmImportIT {

    @TempDir
    static Path dir;

    @RegisterExtension
    static final StackSession pulse = StackSession.of("crm-import");

    private static List<String[]> opportunities;
    private static String output;
    private static int exit;

    @BeforeAll
    static void importDataset() throws IOException {
        Path csv = MavenCrmDataset.pipelineCsv();
        opportunities = MavenCrmDataset.opportunities();
        PulseStack stack = pulse.stack();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exit = ImportCommand.run(new String[] {csv.toString(), "--mapping",
                        MavenCrmDataset.locate("importer/examples/maven-crm-sales-pipeline.json").toString(),
                        "--ingest", "http://localhost:" + stack.ingestPort(), "--rejected", dir.resolve("rejected.csv").toString()},
                Map.of("PULSE_TOKEN", stack.settings().credentials().ingestToken()), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        output = out.toString(StandardCharsets.UTF_8);
        System.out.print(output);
    }

    @Test
    void shouldRejectExactlyTheOpportunitiesThatNeverHadAFollowUp() throws IOException {
        long prospecting = opportunities.stream().filter(o -> o[5].isEmpty() && o[6].isEmpty()).count();
        long imported = opportunities.size() - prospecting;
        assertThat(exit).isEqualTo(1);
        assertThat(output).contains(String.format("%,d rows read, %,d accepted, %,d rejected, %,d customers",
                opportunities.size(), imported, prospecting, imported));
        assertThat(Files.readAllLines(dir.resolve("rejected.csv"))).hasSize((int) prospecting + 1)
                .allMatch(line -> line.startsWith("\uFEFF") || line.contains("Prospecting") && line.endsWith("occurredAt is required [PULSE-V001]"));
    }

    @Test
    void shouldReportTheWinRatesCountedFromTheCsv() {
        MavenCrmDataset.assertWinRatesAsCounted(opportunities, pulse.client());
    }
}
