package dev.pulse.launcher.e2e;

import dev.pulse.launcher.database.DatabaseSettings;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Reads the read model with plain SQL into the shape of {@link KillFigures}. */
final class KillReadModel {

    private final DatabaseSettings database;

    KillReadModel(DatabaseSettings database) {
        this.database = database;
    }

    KillFigures figures() {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             Statement sql = connection.createStatement()) {
            return new KillFigures(facts(sql), activity(sql), funnel(sql), flags(sql), openAlerts(sql));
        } catch (SQLException e) {
            throw new IllegalStateException("reading the read model: " + e.getMessage(), e);
        }
    }

    /** The projector's position over all its topics: it stops moving when nothing is left to project. */
    long projectedOffsets() {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("select coalesce(sum(next_offset), 0) from projector_offset")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String facts(Statement sql) throws SQLException {
        try (ResultSet rows = sql.executeQuery("""
                select (select count(*) from followup), (select count(*) from sale),
                       (select coalesce(sum(amount), 0) from sale)""")) {
            rows.next();
            return KillFigures.facts(rows.getLong(1), rows.getLong(2), rows.getBigDecimal(3));
        }
    }

    private static Map<String, String> activity(Statement sql) throws SQLException {
        Map<String, String> activity = new TreeMap<>();
        try (ResultSet rows = sql.executeQuery("""
                select scope, coalesce(rep_id, '-'), team_id, granularity, bucket, follow_ups, customers,
                       ch_phone, ch_wechat, ch_email, ch_meeting, ch_visit, ch_other
                from rep_activity""")) {
            while (rows.next()) {
                long[] channels = new long[6];
                for (int i = 0; i < 6; i++) {
                    channels[i] = rows.getLong(8 + i);
                }
                activity.put(String.join(" ", rows.getString(1), rows.getString(2), rows.getString(3),
                                rows.getString(4), rows.getString(5)),
                        KillFigures.activityFigures(rows.getLong(6), rows.getLong(7), channels));
            }
        }
        return activity;
    }

    private static Map<String, String> funnel(Statement sql) throws SQLException {
        // cell_key -> stage -> customers that reached it / are now at it (only counts that are not zero)
        Map<String, Map<String, Long>> reached = new TreeMap<>();
        Map<String, Map<String, Long>> current = new TreeMap<>();
        try (ResultSet rows = sql.executeQuery(
                "select cell_key, stage, reached, at_stage from funnel_stage where grain = 'REP'")) {
            while (rows.next()) {
                if (rows.getLong(3) != 0) {
                    reached.computeIfAbsent(rows.getString(1), k -> new TreeMap<>()).put(rows.getString(2), rows.getLong(3));
                }
                if (rows.getLong(4) != 0) {
                    current.computeIfAbsent(rows.getString(1), k -> new TreeMap<>()).put(rows.getString(2), rows.getLong(4));
                }
            }
        }
        // revenue per cell and currency: the workload's sales carry no currency, so ingest makes them CNY
        Map<String, Map<String, BigDecimal>> revenue = new HashMap<>();
        try (ResultSet rows = sql.executeQuery("select cell_key, currency, revenue from funnel_revenue where grain = 'REP'")) {
            while (rows.next()) {
                revenue.computeIfAbsent(rows.getString(1), k -> new TreeMap<>()).put(rows.getString(2), rows.getBigDecimal(3));
            }
        }
        Map<String, String> funnel = new TreeMap<>();
        try (ResultSet rows = sql.executeQuery(
                "select cohort_day, rep_id, team_id, source, customers, with_sale, cell_key from funnel_cell"
                        + " where grain = 'REP'")) {
            while (rows.next()) {
                long customers = rows.getLong(5);
                String key = rows.getString(7);
                Map<String, BigDecimal> cellRevenue = revenue.getOrDefault(key, Map.of());
                if (customers == 0 && rows.getLong(6) == 0 && cellRevenue.isEmpty()) {
                    continue; // a cell every customer has left is no figure (the projector deletes it)
                }
                funnel.put(String.join(" ", rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)),
                        KillFigures.funnelFigures(customers, rows.getLong(6), cellRevenue,
                                current.getOrDefault(key, Map.of()), reached.getOrDefault(key, Map.of())));
            }
        }
        // the coarser grains must hold the rep grain's sums; a disagreement is an unexpected "cell"
        grainDisagreements(sql, "funnel_cell", "", "customers, with_sale")
                .forEach(row -> funnel.put("grain disagreement " + row, ""));
        grainDisagreements(sql, "funnel_revenue", ", currency", "revenue")
                .forEach(row -> funnel.put("grain disagreement " + row, ""));
        grainDisagreements(sql, "funnel_stage", ", stage", "reached, at_stage")
                .forEach(row -> funnel.put("grain disagreement " + row, ""));
        return funnel;
    }

    /** Rows of the TEAM and ALL grains that differ from the sums of the REP grain (none when consistent). */
    private static List<String> grainDisagreements(Statement sql, String table, String identity, String figures)
            throws SQLException {
        List<String> rows = new ArrayList<>();
        for (String[] grain : new String[][] {{"TEAM", "team_id, "}, {"ALL", ""}}) {
            String key = "cohort_day, " + grain[1] + "source" + identity;
            String sums = Arrays.stream(figures.split(", ")).map(f -> "sum(" + f + ") as " + f)
                    .reduce((a, b) -> a + ", " + b).orElseThrow();
            try (ResultSet r = sql.executeQuery("""
                    (select %1$s, %2$s from %3$s where grain = 'REP' group by %1$s
                     except select %1$s, %4$s from %3$s where grain = '%5$s')
                    union all
                    (select %1$s, %4$s from %3$s where grain = '%5$s'
                     except select %1$s, %2$s from %3$s where grain = 'REP' group by %1$s)"""
                    .formatted(key, sums, table, figures, grain[0]))) {
                while (r.next()) {
                    rows.add(table + " " + grain[0] + " " + r.getString(1) + " " + r.getString(2));
                }
            }
        }
        return rows;
    }

    private static Set<String> flags(Statement sql) throws SQLException {
        Set<String> flags = new TreeSet<>();
        try (ResultSet rows = sql.executeQuery("select type, flag_key, customer_ids, event_ids from duplicate_flag")) {
            while (rows.next()) {
                String type = rows.getString(1);
                flags.add("DUPLICATE_ENTRY".equals(type)
                        ? KillFigures.flag(type, strings(rows.getArray(4)))
                        : KillFigures.flag(type + " " + rows.getString(2), strings(rows.getArray(3))));
            }
        }
        return flags;
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    private static List<String> openAlerts(Statement sql) throws SQLException {
        List<String> open = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery(
                "select customer_id, kind from alert where status = 'OPEN' order by customer_id, kind")) {
            while (rows.next()) {
                open.add(rows.getString(1) + " " + rows.getString(2));
            }
        }
        open.sort(null); // in Java's order, as the expected list is
        return open;
    }
}
