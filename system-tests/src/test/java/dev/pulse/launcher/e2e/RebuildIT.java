package dev.pulse.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pulse.launcher.rebuild.CatchUpProbe;
import dev.pulse.launcher.rebuild.Rebuild;
import dev.pulse.launcher.stack.PulseStack;
import dev.pulse.launcher.stack.StackSettings;
import java.io.PrintStream;
import java.io.OutputStream;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code ./pulse rebuild}: with Pulse stopped, the derived state is forgotten and recomputed from
 * the input topics; the next start shows exactly what the live run had produced, every activity
 * row, funnel cell, duplicate flag and open alert.
 */
class RebuildIT {

    private static final int OPEN_CUSTOMERS = 3;

    @Test
    void shouldRecomputeExactlyWhatTheLiveRunProducedFromTheInputTopics() throws Exception {
        DurableInstallation installation = DurableInstallation.inNewDirectory("rebuild-");

        List<String> live = installation.run(settings -> runOnce(settings, Phase.LIVE));
        List<String> rebuilt = installation.run(settings -> runOnce(settings, Phase.REBUILD));

        assertThat(live).as("the live run produced every kind of derived row")
                .anyMatch(row -> row.startsWith("activity "))
                .anyMatch(row -> row.startsWith("cell "))
                .anyMatch(row -> row.startsWith("flag DUPLICATE_CUSTOMER"))
                .anyMatch(row -> row.startsWith("flag MULTI_REP"))
                .anyMatch(row -> row.startsWith("alert "));
        assertThat(rebuilt).containsExactlyElementsOf(live);
    }

    private enum Phase { LIVE, REBUILD }

    private static List<String> runOnce(StackSettings settings, Phase phase) throws Exception {
        if (phase == Phase.REBUILD) {
            new Rebuild(settings).reset();
            assertThat(readModel(settings)).as("nothing derived is left after the reset")
                    .noneMatch(row -> row.startsWith("activity ") || row.startsWith("cell "));
        }
        try (PulseStack stack = new PulseStack(settings).startAll()) {
            if (phase == Phase.LIVE) {
                ActivityScenario.on(new PulseClient(stack), settings.kafkaBootstrap(), settings.topics()).postScenario();
            }
            try (CatchUpProbe catchUp = new CatchUpProbe(settings, new PrintStream(OutputStream.nullOutputStream()))) {
                catchUp.await(120_000);
            }
            // the wall-clock check opens one STALE alert per open customer (their contacts are weeks old)
            await().atMost(Duration.ofSeconds(30)).until(() -> readModel(settings).stream()
                    .filter(row -> row.startsWith("alert ")).count() == OPEN_CUSTOMERS);
            return readModel(settings);
        }
    }

    /** Every derived row as a line of the figures a report shows (no projection times). */
    private static List<String> readModel(StackSettings settings) throws Exception {
        var db = settings.database();
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("select row_key, follow_ups, customers, ch_phone, ch_wechat, ch_email,"
                    + " ch_meeting, ch_visit, ch_other from rep_activity order by row_key")) {
                while (r.next()) {
                    rows.add("activity %s %d %d %d %d %d %d %d %d".formatted(r.getString(1), r.getLong(2), r.getLong(3),
                            r.getLong(4), r.getLong(5), r.getLong(6), r.getLong(7), r.getLong(8), r.getLong(9)));
                }
            }
            try (ResultSet r = s.executeQuery("select cell_key, customers, with_sale from funnel_cell order by cell_key")) {
                while (r.next()) {
                    rows.add("cell %s %d %d".formatted(r.getString(1), r.getLong(2), r.getLong(3)));
                }
            }
            try (ResultSet r = s.executeQuery("select cell_key, currency, revenue from funnel_revenue"
                    + " order by cell_key, currency")) {
                while (r.next()) {
                    rows.add("revenue %s %s %s".formatted(r.getString(1), r.getString(2), r.getBigDecimal(3)));
                }
            }
            Map<String, String> rollups = new LinkedHashMap<>();
            rollups.put("stage", "select cell_key, stage, reached, at_stage from funnel_stage order by 1, 2");
            rollups.put("transition", "select cell_key, from_stage || '>' || to_stage, n, 0 from funnel_transition"
                    + " order by cell_key, from_stage, to_stage");
            rollups.put("days", "select cell_key, stage || ' ' || days, n, 0 from funnel_stage_days order by cell_key, stage, days");
            for (var rollup : rollups.entrySet()) {
                try (ResultSet r = s.executeQuery(rollup.getValue())) {
                    while (r.next()) {
                        rows.add("%s %s %s %d %d".formatted(rollup.getKey(), r.getString(1), r.getString(2), r.getLong(3),
                                r.getLong(4)));
                    }
                }
            }
            try (ResultSet r = s.executeQuery("select type, flag_id, customer_ids, rep_ids, event_ids, first_seen_at,"
                    + " updated_at, status from duplicate_flag order by flag_id")) {
                while (r.next()) {
                    rows.add("flag %s %s %s %s %s %s %s %s".formatted(r.getString(1), r.getString(2), sorted(r.getArray(3)),
                            sorted(r.getArray(4)), sorted(r.getArray(5)), r.getTimestamp(6).toInstant(),
                            r.getTimestamp(7).toInstant(), r.getString(8)));
                }
            }
            try (ResultSet r = s.executeQuery("select alert_id, kind, customer_id, due_at from alert where status = 'OPEN'"
                    + " order by alert_id")) {
                while (r.next()) {
                    rows.add("alert %s %s %s %s".formatted(r.getString(1), r.getString(2), r.getString(3),
                            r.getTimestamp(4).toInstant()));
                }
            }
        }
        return rows;
    }

    /** Members in the order they joined depend on how partitions interleave in a replay: compared as sets. */
    private static List<String> sorted(Array array) throws Exception {
        List<String> values = new ArrayList<>(Arrays.asList((String[]) array.getArray()));
        values.sort(null);
        return values;
    }
}
