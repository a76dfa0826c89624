package dev.pulse.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Replays the public Maven CRM opportunities (../shared/datasets, never copied into the repo)
 * through the ingest API: each opportunity is a customer, LEAD at its engage date, then WON or
 * LOST at its close date, owned by its sales agent. Overall and per-agent win rates from the
 * funnel report must equal the figures counted here straight from the CSV.
 */
@EnabledIf(value = "dev.pulse.launcher.e2e.MavenCrmDataset#present",
        disabledReason = "shared/datasets/maven-crm-sales-opportunities not found beside the project")
class MavenCrmReplayIT {

    @RegisterExtension
    static final StackSession pulse = StackSession.of("crm");

    private static List<String[]> opportunities;

    @BeforeAll
    static void replay() throws IOException {
        opportunities = MavenCrmDataset.opportunities();
        List<String> batch = new ArrayList<>();
        for (String[] o : opportunities) {
            String engage = o[5];
            if (engage.isEmpty()) {
                continue; // Prospecting: never engaged, so never a follow-up
            }
            batch.add(followUp(o, engage + "T02:00:00Z", "LEAD"));
            if (o[4].equals("Won") || o[4].equals("Lost")) {
                batch.add(followUp(o, o[6] + "T03:00:00Z", o[4].toUpperCase()));
            }
            if (batch.size() >= 1_000) {
                post(batch);
            }
        }
        post(batch);
    }

    @Test
    void shouldReportTheWinRatesCountedFromTheCsv() {
        MavenCrmDataset.assertWinRatesAsCounted(opportunities, pulse.client());
    }

    private static String followUp(String[] o, String occurredAt, String stage) {
        return """
                {"eventId":"%s","customerId":"%s","customerName":"%s","email":"%s@example.com","repId":"%s",
                 "occurredAt":"%s","channel":"OTHER","content":"%s %s","stage":"%s"%s}"""
                .formatted(UUID.nameUUIDFromBytes((o[0] + stage).getBytes(StandardCharsets.UTF_8)), o[0],
                        o[3].isEmpty() ? o[0] : o[3], o[0].toLowerCase(), o[1], occurredAt, o[2], stage, stage,
                        stage.equals("LOST") ? ",\"lostReason\":\"closed lost in the CRM\"" : "").replace("\n", "");
    }

    private static void post(List<String> batch) {
        if (batch.isEmpty()) {
            return;
        }
        var response = pulse.client().post("/api/v1/followups", "[" + String.join(",", batch) + "]");
        assertThat(response.status()).as("%s", response.body()).isEqualTo(202);
        batch.clear();
    }
}
