package dev.pulse.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.testsupport.TestPostgres;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15: the forecast's learned stage probabilities on the public Maven CRM opportunities
 * (../shared/datasets, read in place, never copied into the repository), as facts in PostgreSQL:
 * each engaged opportunity is a customer at LEAD on its engage date (10:00 in Shanghai), then WON
 * or LOST on its close date (11:00), owned by its sales agent, as MavenCrmReplayIT replays it.
 * The probabilities the report learns over the first half of 2017 must equal those counted here
 * from the CSV with the definition written out: of the customers who first reached a stage in the
 * window (a later stage reaches every earlier one), the share won by the window's end.
 */
class ForecastMavenCrmIT {

    private static final String DATASET = "shared/datasets/maven-crm-sales-opportunities/sales_pipeline.csv";
    private static final LocalDate AS_OF = LocalDate.of(2017, 6, 30);
    private static final LocalDate WINDOW_START = LocalDate.of(2017, 1, 1);
    private static final List<String> OPEN_STAGES = List.of("LEAD", "QUALIFIED", "PROPOSAL", "QUOTE", "CONTRACT");

    private static List<String[]> opportunities;

    @RegisterExtension
    static final ReportStack stack = new ReportStack("forecast-maven-it", "crm");

    @BeforeAll
    static void loadTheDataset() throws IOException, SQLException {
        Path csv = locate();
        Assumptions.assumeTrue(csv != null, "skipped: " + DATASET + " not found beside the project");
        opportunities = Files.readAllLines(csv, StandardCharsets.UTF_8).stream().skip(1)
                .map(line -> line.strip().split(",", -1)).filter(o -> !o[5].isEmpty()).toList();
        try (Connection db = DriverManager.getConnection(stack.jdbcUrl(), TestPostgres.USER, TestPostgres.PASSWORD);
             PreparedStatement insert = db.prepareStatement("""
                     insert into followup (event_id, customer_id, customer_name, email, rep_id, occurred_at, channel,
                         content, stage, lost_reason) values (?, ?, ?, ?, ?, ?::timestamptz, 'OTHER', ?, ?, ?)""")) {
            for (String[] o : opportunities) {
                add(insert, o, o[5] + "T10:00:00+08:00", "LEAD");
                if (o[4].equals("Won") || o[4].equals("Lost")) {
                    add(insert, o, o[6] + "T11:00:00+08:00", o[4].toUpperCase());
                }
            }
            insert.executeBatch();
        }
    }

    @Test
    void shouldLearnTheStageProbabilitiesCountedFromTheCsv() {
        JsonNode learned = stack.report().getJson("/api/v1/reports/forecast/stage-probabilities?asOf=" + AS_OF + "&months=6");

        assertThat(probabilities(learned)).isEqualTo(counted(null));
        // the LEAD figure is the one the data decides: opportunities engaged in the window, some won by its end and
        // some not, so equal figures could not come from an empty window or a rule that answers 0 or 1 whatever the data
        String[] lead = counted(null).get("LEAD").split("[/ ]");
        long won = Long.parseLong(lead[0]);
        long reached = Long.parseLong(lead[1]);
        assertThat(reached).isGreaterThan(100);
        assertThat(won).isStrictlyBetween(0L, reached);
    }

    @Test
    void shouldLearnEachAgentsProbabilitiesFromTheirOwnCustomers() {
        for (String agent : new TreeSet<>(opportunities.stream().map(o -> o[1]).toList())) {
            JsonNode learned = stack.report().getJson("/api/v1/reports/forecast/stage-probabilities?asOf=" + AS_OF
                    + "&months=6&repId=" + URLEncoder.encode(agent, StandardCharsets.UTF_8));
            assertThat(probabilities(learned)).as(agent).isEqualTo(counted(agent));
        }
    }

    /** Stage -> "won/reached probability" as the report gives them. */
    private static Map<String, String> probabilities(JsonNode answer) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode row : answer.get("rows")) {
            out.put(row.get("stage").asString(), row.get("won").asLong() + "/" + row.get("reached").asLong() + " "
                    + (row.get("learned").isNull() ? "-" : row.get("learned").decimalValue().setScale(4).toPlainString()));
        }
        return out;
    }

    /** The same counted from the CSV rows, for every agent or one. */
    private static Map<String, String> counted(String agent) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int order = 1; order <= OPEN_STAGES.size(); order++) {
            long reached = 0;
            long won = 0;
            for (String[] o : opportunities) {
                if (agent != null && !agent.equals(o[1])) {
                    continue;
                }
                List<Step> steps = steps(o);
                int stageOrder = order;
                OffsetDateTime firstReached = steps.stream().filter(s -> s.order >= stageOrder).map(Step::at)
                        .min(OffsetDateTime::compareTo).orElse(null);
                if (firstReached != null && !firstReached.toLocalDate().isBefore(WINDOW_START)
                        && !firstReached.toLocalDate().isAfter(AS_OF)) {
                    reached++;
                    Step latest = steps.stream().filter(s -> !s.at.toLocalDate().isAfter(AS_OF))
                            .max((a, b) -> a.at.compareTo(b.at)).orElseThrow();
                    won += latest.order == 6 ? 1 : 0;
                }
            }
            out.put(OPEN_STAGES.get(order - 1), won + "/" + reached + " " + (reached == 0 ? "-"
                    : BigDecimal.valueOf(won).divide(BigDecimal.valueOf(reached), 4, RoundingMode.HALF_UP).toPlainString()));
        }
        return out;
    }

    /** An opportunity's follow-ups as (time in Shanghai, stage order): LEAD 1, WON 6, LOST 0. */
    private static List<Step> steps(String[] o) {
        List<Step> steps = new ArrayList<>(List.of(new Step(OffsetDateTime.parse(o[5] + "T10:00:00+08:00"), 1)));
        if (o[4].equals("Won") || o[4].equals("Lost")) {
            steps.add(new Step(OffsetDateTime.parse(o[6] + "T11:00:00+08:00"), o[4].equals("Won") ? 6 : 0));
        }
        return steps;
    }

    private record Step(OffsetDateTime at, int order) {
    }

    private static void add(PreparedStatement insert, String[] o, String at, String stage) throws SQLException {
        insert.setObject(1, UUID.nameUUIDFromBytes((o[0] + stage).getBytes(StandardCharsets.UTF_8)));
        insert.setString(2, o[0]);
        insert.setString(3, o[3].isEmpty() ? o[0] : o[3]);
        insert.setString(4, o[0].toLowerCase() + "@example.com");
        insert.setString(5, o[1]);
        insert.setString(6, at);
        insert.setString(7, o[2] + " " + stage);
        insert.setString(8, stage);
        insert.setString(9, stage.equals("LOST") ? "closed lost in the CRM" : null);
        insert.addBatch();
    }

    /** The dataset in this folder or one of its parents (../shared beside the checkout), or null. */
    private static Path locate() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve(DATASET))) {
            dir = dir.getParent();
        }
        return dir == null ? null : dir.resolve(DATASET);
    }
}
