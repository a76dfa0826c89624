package dev.pulse.bench.measure;

import dev.pulse.bench.generate.LoadGenerator;
import dev.pulse.bench.results.BenchResults.Endpoint;
import dev.pulse.bench.results.BenchResults.Reports;
import dev.pulse.bench.results.Verdict;
import dev.pulse.bench.stack.BenchInfrastructure;
import dev.pulse.bench.stack.ReportClient;
import dev.pulse.launcher.database.DatabaseSettings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * Report latency: the funnel, rep-activity (also cut by source) and stale endpoints (HTTP round trip, JSON included)
 * beside plain SQL over the fact tables (JDBC only, so the baseline pays no HTTP). Before a
 * speed-up is reported, the two answers are compared; an endpoint whose answers differ is
 * reported as such and its speed-up as 0.
 */
public final class ReportsBench {

    private ReportsBench() {
    }

    /** One answer in a form both sides can produce: sorted text lines. */
    private interface Answer {
        List<String> fromApi(JsonNode body);

        List<String> fromSql(ResultSet rs) throws SQLException;
    }

    public static Reports run(ReportClient report, DatabaseSettings db, LoadGenerator generator, int apiRuns, int sqlRuns)
            throws Exception {
        LocalDate today = LocalDate.now(BenchInfrastructure.ZONE);
        String team = generator.teamId(0);
        String rep = generator.repId(0);
        List<Endpoint> endpoints = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            endpoints.add(measure("funnel", "/api/v1/reports/funnel?from=" + today.minusDays(90) + "&to=" + today,
                    c, PlainSql.FUNNEL, new Object[] {today.minusDays(90).toString(), today.toString()}, funnel(), apiRuns, sqlRuns, report));
            endpoints.add(measure("activity", "/api/v1/reports/rep-activity?granularity=day&from=" + today.minusDays(30)
                    + "&to=" + today + "&teamId=" + team, c, PlainSql.ACTIVITY,
                    new Object[] {team, today.minusDays(30).toString(), today.toString()}, activity(), apiRuns, sqlRuns, report));
            // the overview cut by source is counted from the facts at read time (DESIGN.md): no aggregate to read
            String source = generator.source(0);
            endpoints.add(measure("activity by source", "/api/v1/reports/rep-activity?granularity=day&from="
                    + today.minusDays(30) + "&to=" + today + "&teamId=" + team + "&source="
                    + URLEncoder.encode(source, StandardCharsets.UTF_8), c, PlainSql.ACTIVITY_OF_SOURCE,
                    new Object[] {team, today.minusDays(30).toString(), today.toString(), source}, activity(), apiRuns,
                    sqlRuns, report));
            endpoints.add(measure("stale", "/api/v1/reports/stale-customers?repId=" + rep, c, PlainSql.STALE,
                    new Object[] {rep, rep}, stale(), apiRuns, sqlRuns, report));
            long followUps = count(c, "select count(*) from followup");
            long customers = count(c, "select count(distinct customer_id) from followup");
            double p99 = endpoints.stream().mapToDouble(Endpoint::p99Ms).max().orElseThrow();
            double sqlP99 = endpoints.stream().mapToDouble(Endpoint::plainSqlP99Ms).max().orElseThrow();
            double speedup = endpoints.stream().mapToDouble(Endpoint::speedup).min().orElseThrow();
            boolean same = endpoints.stream().allMatch(Endpoint::sameAnswer);
            Verdict verdict = Verdict.all("every report p99 <= 50 ms and >= 50x plain SQL, same answers",
                    Verdict.atMost("p99 <= 50 ms", p99, 50, "ms"),
                    Verdict.atLeast(">= 50x plain SQL", speedup, 50, "x"),
                    new Verdict("same answers", same, same ? "" : "an endpoint's answer differs from plain SQL"));
            return new Reports(p99, sqlP99, speedup, followUps, customers, endpoints,
                    "generated events pre-loaded to Kafka, then the real stream processor and projector filled the fact"
                            + " and aggregate tables", verdict);
        }
    }

    private static Endpoint measure(String name, String request, Connection c, String sql, Object[] params, Answer answer,
                                    int apiRuns, int sqlRuns, ReportClient report) throws Exception {
        System.err.println("  " + name + ": " + request);
        // The answers first: a speed-up only counts for the same answer. The stale list moves with the
        // wall clock, so a customer crossing its threshold between the two reads earns a second look.
        boolean same = false;
        List<String> api = List.of();
        List<String> plain = List.of();
        for (int attempt = 0; attempt < 3 && !same; attempt++) {
            if (attempt > 0) {
                Thread.sleep(3_000);
            }
            api = answer.fromApi(report.get(request));
            plain = sql(c, sql, params, answer);
            same = api.equals(plain);
        }
        if (!same) {
            System.err.println("  ! " + name + " answers differ: API " + head(api) + " vs SQL " + head(plain));
        }
        for (int i = 0; i < 10; i++) {
            report.getText(request);
        }
        double[] apiMs = new double[apiRuns];
        for (int i = 0; i < apiRuns; i++) {
            long t = System.nanoTime();
            report.getText(request);
            apiMs[i] = (System.nanoTime() - t) / 1e6;
        }
        double[] sqlMs = new double[sqlRuns];
        for (int i = 0; i < sqlRuns; i++) {
            long t = System.nanoTime();
            sql(c, sql, params, answer);
            sqlMs[i] = (System.nanoTime() - t) / 1e6;
        }
        Percentiles a = Percentiles.of(apiMs);
        Percentiles s = Percentiles.of(sqlMs);
        System.err.printf("    API p50 %.1f ms p99 %.1f ms; plain SQL p50 %.1f ms p99 %.1f ms; %d answer lines, %s%n",
                a.p50(), a.p99(), s.p50(), s.p99(), api.size(), same ? "same answer" : "DIFFERENT ANSWER");
        return new Endpoint(name, request, r(a.p50()), r(a.p99()), r(s.p50()), r(s.p99()),
                same ? r(s.p50() / a.p50()) : 0, same);
    }

    private static List<String> sql(Connection c, String sql, Object[] params, Answer answer) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return answer.fromSql(rs);
            }
        }
    }

    private static Answer funnel() {
        String[] stages = {"LEAD", "QUALIFIED", "PROPOSAL", "QUOTE", "CONTRACT", "WON", "LOST"};
        return new Answer() {
            public List<String> fromApi(JsonNode body) {
                List<String> lines = new ArrayList<>(List.of("customers " + body.get("customers").asLong()));
                TreeMap<String, String> byStage = new TreeMap<>();
                body.get("stages").forEach(s -> byStage.put(s.get("stage").asString(),
                        s.get("reached").asLong() + "/" + s.get("current").asLong()));
                for (String stage : stages) {
                    lines.add(stage + " " + byStage.get(stage));
                }
                return lines;
            }

            public List<String> fromSql(ResultSet rs) throws SQLException {
                rs.next();
                List<String> lines = new ArrayList<>(List.of("customers " + rs.getLong("customers")));
                for (String stage : stages) {
                    String s = stage.toLowerCase();
                    lines.add(stage + " " + rs.getLong("r_" + s) + "/" + rs.getLong("c_" + s));
                }
                return lines;
            }
        };
    }

    private static Answer activity() {
        return new Answer() {
            public List<String> fromApi(JsonNode body) {
                return StreamSupport.stream(body.get("rows").spliterator(), false)
                        .map(r -> r.get("repId").asString() + " " + r.get("bucket").asString() + " "
                                + r.get("followUps").asLong() + " " + r.get("customers").asLong())
                        .sorted().toList();
            }

            public List<String> fromSql(ResultSet rs) throws SQLException {
                List<String> lines = new ArrayList<>();
                while (rs.next()) {
                    lines.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getLong(3) + " " + rs.getLong(4));
                }
                return lines.stream().sorted().toList();
            }
        };
    }

    private static Answer stale() {
        return new Answer() {
            public List<String> fromApi(JsonNode body) {
                return StreamSupport.stream(body.get("rows").spliterator(), false)
                        .map(r -> r.get("customerId").asString() + " " + r.get("kind").asString()).sorted().toList();
            }

            public List<String> fromSql(ResultSet rs) throws SQLException {
                List<String> lines = new ArrayList<>();
                while (rs.next()) {
                    lines.add(rs.getString(1) + " " + rs.getString(2));
                }
                return lines.stream().sorted().toList();
            }
        };
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String head(List<String> lines) {
        return lines.size() <= 8 ? lines.toString() : lines.subList(0, 8) + "... (" + lines.size() + " lines)";
    }

    private static double r(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
