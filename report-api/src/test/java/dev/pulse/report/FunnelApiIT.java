package dev.pulse.report;

import static dev.pulse.report.FunnelCells.cell;
import static dev.pulse.report.RunningReport.contentType;
import static dev.pulse.report.RunningReport.json;
import static dev.pulse.testsupport.TestPostgres.queryLong;
import static dev.pulse.testsupport.TestPostgres.queryRows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.pulse.events.funnel.FunnelCell;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.provider.Arguments;
import tools.jackson.databind.JsonNode;

/**
 * The funnel read model and its reports (DESIGN.md definition 2) against a real broker and a real
 * PostgreSQL: hand-written funnel cells go onto the changes topic as the changes the stream
 * processor publishes (each seed cell one change that brings the whole cell), the projector adds
 * them up, and every expected answer below is worked out by hand from the cells in {@link #seed()}.
 */
class FunnelApiIT implements StatedAnswers {

    private static final Duration PROJECTED = Duration.ofSeconds(30);
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String NOVEMBER = "from=2026-11-01&to=2026-11-30";

    /**
     * Cohort November 2026 (cells A, B, C, F) plus D on 10-31 and E on 12-01 just outside it.
     * Team east: rep-1 (A) and rep-2 (B); team west: rep-3 (C) and rep-1 again on 11-30 (F),
     * after the rep changed teams. A's customer with a sale bought in yuan and in dollars.
     */
    private static final FunnelCell A = cell("2026-11-02", "rep-1", "east", "web").customers(4)
            .reached("LEAD", 4, "QUALIFIED", 3, "PROPOSAL", 2, "QUOTE", 1, "CONTRACT", 1, "WON", 1, "LOST", 1)
            .current("QUALIFIED", 1, "PROPOSAL", 1, "WON", 1, "LOST", 1)
            .transitions("LEAD>QUALIFIED", 3, "QUALIFIED>PROPOSAL", 2, "PROPOSAL>QUOTE", 1, "QUOTE>CONTRACT", 1,
                    "CONTRACT>WON", 1, "LEAD>LOST", 1)
            .days("LEAD", 1, 1, 2, 1, 3, 1).days("QUALIFIED", 4, 2).days("PROPOSAL", 5, 1).days("QUOTE", 2, 1)
            .days("CONTRACT", 3, 1)
            .sales(1, "1000.50").revenue("USD", "450.00").build();
    private static final FunnelCell B = cell("2026-11-15", "rep-2", "east", "expo").customers(2)
            .reached("LEAD", 2, "QUALIFIED", 2, "PROPOSAL", 2, "QUOTE", 2, "CONTRACT", 1, "WON", 1)
            .current("QUOTE", 1, "WON", 1)
            .transitions("LEAD>QUALIFIED", 2, "QUALIFIED>PROPOSAL", 2, "PROPOSAL>QUOTE", 3, "QUOTE>PROPOSAL", 1,
                    "QUOTE>CONTRACT", 1, "CONTRACT>WON", 1)
            .days("LEAD", 6, 1, 8, 1).days("QUALIFIED", 1, 2).days("PROPOSAL", 2, 1, 3, 1).days("QUOTE", 10, 1)
            .days("CONTRACT", 1, 1)
            .sales(1, "2500.00").build();
    private static final FunnelCell C = cell("2026-11-20", "rep-3", "west", "web").customers(3)
            .reached("LEAD", 3, "LOST", 2).current("LEAD", 1, "LOST", 2).transitions("LEAD>LOST", 2).build();
    private static final FunnelCell F = cell("2026-11-30", "rep-1", "west", null).customers(1)
            .reached("LEAD", 1, "QUALIFIED", 1).current("QUALIFIED", 1).transitions("LEAD>QUALIFIED", 1)
            .days("LEAD", 7, 1).sales(1, "99.99").build();
    private static final FunnelCell D = cell("2026-10-31", "rep-1", "east", "web").customers(5)
            .reached("LEAD", 5).current("LEAD", 5).build();
    private static final FunnelCell E = cell("2026-12-01", "rep-2", "east", "web").customers(7)
            .reached("LEAD", 7, "QUALIFIED", 7).current("QUALIFIED", 7).transitions("LEAD>QUALIFIED", 7)
            .days("LEAD", 30, 7).sales(7, "70000.00").build();

    @RegisterExtension
    static final ReportStack stack = new ReportStack("funnel-api-it", "funnel");

    /** The six cells, between an unreadable record and a change of a cell without a cohort day, which are skipped. */
    @BeforeAll
    static void seed() {
        FunnelCells.send(stack.producer(), stack.topics().changes(), "garbage", "not json".getBytes(StandardCharsets.UTF_8));
        FunnelCells.send(stack.producer(), stack.topics().changes(), A, B, C);
        FunnelCells.send(stack.producer(), stack.topics().changes(), "no-day",
                "{\"funnel\": [{\"repId\": \"rep-x\", \"customers\": 1}]}".getBytes(StandardCharsets.UTF_8));
        FunnelCells.send(stack.producer(), stack.topics().changes(), F, D, E);
        await().atMost(PROJECTED).until(() -> queryLong(stack.jdbcUrl(), "select count(*) from funnel_cell where grain = 'REP'") == 6);
    }

    /** The answers stated whole, worked out from the cells above (see {@link StatedAnswers}). */
    static Stream<Arguments> answers() {
        return Stream.of(
                // the cells' sources: web (A, C, D, E), expo (B) and none (F)
                arguments(named("the sources of the cells in order, leaving out customers without one", "sources"),
                        json("""
                                {"rows": ["expo", "web"]}""")),
                // A, B, C, F in November: reached LEAD 4+2+3+1, QUALIFIED 3+2+1, PROPOSAL 2+2, QUOTE 1+2, CONTRACT 1+1,
                // WON 1+1, LOST 1+2; current LEAD 1 (C), QUALIFIED 1+1 (A, F), PROPOSAL 1 (A), QUOTE 1 (B), WON 1+1 (A, B),
                // LOST 1+2 (A, C); rates 6/10, 4/6, 3/4, 2/3, 2/2; win rate 2/(2+3)
                arguments(named("the cells of the period summed into reached, current, conversions and win rate",
                        "reports/funnel?" + NOVEMBER), funnel("10/1 6/2 4/1 3/1 2/0 2/2 3/3",
                        "0.6000 0.6667 0.7500 0.6667 1.0000", 2, 3, "0.4000", 10)),
                // west holds C and F (rep-1 after the team change): reached LEAD 3+1, QUALIFIED 1, LOST 2
                arguments(named("only the cells of one team added up", "reports/funnel?" + NOVEMBER + "&teamId=west"),
                        funnel("4/1 1/1 0/0 0/0 0/0 0/0 2/2", "0.2500 0.0000 null null null", 0, 2, "0.0000", 4)),
                // LEAD>QUALIFIED 3+2+1, QUALIFIED>PROPOSAL 2+2, PROPOSAL>QUOTE 1+3, LEAD>LOST 1+2,
                // QUOTE>CONTRACT 1+1, CONTRACT>WON 1+1 and the backward QUOTE>PROPOSAL 1
                arguments(named("transitions most frequent first, ties in pipeline order",
                        "reports/stage-transitions?" + NOVEMBER), json("""
                                {"rows": [
                                   {"from": "LEAD", "to": "QUALIFIED", "count": 6},
                                   {"from": "QUALIFIED", "to": "PROPOSAL", "count": 4},
                                   {"from": "PROPOSAL", "to": "QUOTE", "count": 4},
                                   {"from": "LEAD", "to": "LOST", "count": 3},
                                   {"from": "QUOTE", "to": "CONTRACT", "count": 2},
                                   {"from": "CONTRACT", "to": "WON", "count": 2},
                                   {"from": "QUOTE", "to": "PROPOSAL", "count": 1}]}""")),
                arguments(named("the transitions of one team and source",
                        "reports/stage-transitions?" + NOVEMBER + "&teamId=west&source=web"), json("""
                                {"rows": [{"from": "LEAD", "to": "LOST", "count": 2}]}""")),
                // days in LEAD 1, 2, 3 (A), 6, 8 (B), 7 (F): six values, middles 3 and 6; QUALIFIED 4, 4 (A), 1, 1 (B):
                // middles 1 and 4; PROPOSAL 5 (A), 2, 3 (B): three values; QUOTE 2 (A), 10 (B): numerically, not as
                // text; CONTRACT 3 (A), 1 (B)
                arguments(named("the median of the merged histograms, the lower middle of an even count",
                        "reports/time-in-stage?" + NOVEMBER), medians("6/3 4/1 3/3 2/2 2/1")),
                // rep-2 (B): LEAD 6, 8; QUALIFIED 1, 1; PROPOSAL 2, 3; QUOTE 10; CONTRACT 1
                arguments(named("one rep's medians", "reports/time-in-stage?" + NOVEMBER + "&repId=rep-2"),
                        medians("2/6 2/1 2/2 1/10 1/1")),
                arguments(named("null where nobody moved on", "reports/time-in-stage?" + NOVEMBER + "&repId=rep-3"),
                        medians("0/null 0/null 0/null 0/null 0/null")),
                // rep-1: A (east, 11-02) and F (west, 11-30): 4+1 customers, 1+1 with a sale, 1000.50 + 99.99 CNY and
                // A's 450.00 USD, which is never added to the yuan
                arguments(named("each owner rep's customers, sales and revenue in the team of its latest cohort day",
                        "reports/rep-conversion?" + NOVEMBER), conversions(
                        conversion("rep-1", "west", 5, 2, "CNY 1100.49, USD 450.00", "0.4000"),
                        conversion("rep-2", "east", 2, 1, "CNY 2500.00", "0.5000"),
                        conversion("rep-3", "west", 3, 0, "", "0.0000"))),
                // east: A and B
                arguments(named("only the cells of one team", "reports/rep-conversion?" + NOVEMBER + "&teamId=east"),
                        conversions(conversion("rep-1", "east", 4, 1, "CNY 1000.50, USD 450.00", "0.2500"),
                                conversion("rep-2", "east", 2, 1, "CNY 2500.00", "0.5000"))),
                // web: A and C
                arguments(named("only the cells of one source", "reports/rep-conversion?" + NOVEMBER + "&source=web"),
                        conversions(conversion("rep-1", "east", 4, 1, "CNY 1000.50, USD 450.00", "0.2500"),
                                conversion("rep-3", "west", 3, 0, "", "0.0000"))));
    }

    @Override
    public RunningReport report() {
        return stack.report();
    }

    @Nested
    class Funnel {

        @Test
        void shouldAnswerANullRateAfterAStageNobodyReached() {
            // given rep-3 owns only C: 3 leads, nobody qualified, 2 lost

            // when
            var answer = stack.report().getJson("/api/v1/reports/funnel?" + NOVEMBER + "&repId=rep-3");

            // then LEAD->QUALIFIED is 0/3, the rest divide by zero
            assertThat(answer.get("conversions")).isEqualTo(json("""
                    [{"from": "LEAD", "to": "QUALIFIED", "rate": 0.0000},
                     {"from": "QUALIFIED", "to": "PROPOSAL", "rate": null},
                     {"from": "PROPOSAL", "to": "QUOTE", "rate": null},
                     {"from": "QUOTE", "to": "CONTRACT", "rate": null},
                     {"from": "CONTRACT", "to": "WON", "rate": null}]"""));
            assertThat(answer.get("won").asLong()).isZero();
            assertThat(answer.get("lost").asLong()).isEqualTo(2);
            assertThat(answer.get("winRate")).isEqualTo(json("0.0000"));
            assertThat(answer.get("customers").asLong()).isEqualTo(3);
        }

        @Test
        void shouldAddUpOnlyTheCellsOfOneSource() {
            // given source web holds A and C (D and E are outside November): reached LEAD 4+3, QUALIFIED 3,
            // PROPOSAL 2, QUOTE 1, CONTRACT 1, WON 1; current WON 1, LOST 1+2

            // when
            var answer = stack.report().getJson("/api/v1/reports/funnel?" + NOVEMBER + "&source=web");

            // then rates 3/7, 2/3, 1/2, 1/1, 1/1; win rate 1/(1+3)
            assertThat(answer.get("conversions")).extracting(c -> c.get("rate").decimalValue().toPlainString())
                    .containsExactly("0.4286", "0.6667", "0.5000", "1.0000", "1.0000");
            assertThat(answer.get("won").asLong()).isEqualTo(1);
            assertThat(answer.get("lost").asLong()).isEqualTo(3);
            assertThat(answer.get("winRate").decimalValue().toPlainString()).isEqualTo("0.2500");
            assertThat(answer.get("customers").asLong()).isEqualTo(7);
        }

        @Test
        void shouldTakeCohortDaysOnBothEndsOfThePeriodAndNoneOutsideIt() {
            // when
            var firstHalf = stack.report().getJson("/api/v1/reports/funnel?from=2026-11-01&to=2026-11-15");
            var wider = stack.report().getJson("/api/v1/reports/funnel?from=2026-10-31&to=2026-12-01");

            // then 11-01..15 holds A and B (B on its last day); 10-31..12-01 holds all six cells
            assertThat(firstHalf.get("customers").asLong()).isEqualTo(4 + 2);
            assertThat(firstHalf.get("conversions")).extracting(c -> c.get("rate").decimalValue().toPlainString())
                    .containsExactly("0.8333", "0.8000", "0.7500", "0.6667", "1.0000");
            assertThat(firstHalf.get("winRate").decimalValue().toPlainString()).isEqualTo("0.6667");
            assertThat(wider.get("customers").asLong()).isEqualTo(10 + 5 + 7);
            assertThat(wider.get("stages").get(0)).isEqualTo(json("""
                    {"stage": "LEAD", "nameZh": "潜在客户", "nameEn": "Lead", "reached": 22, "current": 6}"""));
        }

        @Test
        void shouldAnswerZerosAndNullRatesForAPeriodWithoutCustomers() {
            // when
            var answer = stack.report().getJson("/api/v1/reports/funnel?from=2030-01-01&to=2030-01-31");

            // then
            assertThat(answer.get("stages")).allSatisfy(s -> {
                assertThat(s.get("reached").asLong()).isZero();
                assertThat(s.get("current").asLong()).isZero();
            });
            assertThat(answer.get("conversions")).allSatisfy(c -> assertThat(c.get("rate").isNull()).isTrue());
            assertThat(answer.get("winRate").isNull()).isTrue();
            assertThat(answer.get("customers").asLong()).isZero();
        }
    }

    @Test
    void shouldDescribeThePipelineForwardStagesFirstThenLost() {
        // when
        var answer = stack.report().getJson("/api/v1/pipeline");

        // then
        assertThat(answer).isEqualTo(json("""
                {"stages": [
                   {"code": "LEAD", "order": 1, "nameZh": "潜在客户", "nameEn": "Lead", "terminal": false},
                   {"code": "QUALIFIED", "order": 2, "nameZh": "意向客户", "nameEn": "Qualified", "terminal": false},
                   {"code": "PROPOSAL", "order": 3, "nameZh": "方案制定", "nameEn": "Proposal", "terminal": false},
                   {"code": "QUOTE", "order": 4, "nameZh": "报价", "nameEn": "Quote", "terminal": false},
                   {"code": "CONTRACT", "order": 5, "nameZh": "合同签署", "nameEn": "Contract", "terminal": false},
                   {"code": "WON", "order": 6, "nameZh": "成交", "nameEn": "Won", "terminal": true},
                   {"code": "LOST", "order": 0, "nameZh": "流失", "nameEn": "Lost", "terminal": true}]}"""));
    }

    @Test
    void shouldDescribeTheFunnelReportsAndTheExportInOpenApi() {
        // when
        var answer = stack.report().getJson("/v3/api-docs");

        // then
        assertThat(Stream.of("/api/v1/reports/funnel", "/api/v1/reports/stage-transitions", "/api/v1/reports/time-in-stage",
                "/api/v1/reports/rep-conversion", "/api/v1/pipeline", "/api/v1/exports/stage-conversion")
                .map(path -> answer.get("paths").get(path)))
                .allSatisfy(path -> assertThat(path.get("get").get("summary").asString()).isNotBlank());
    }

    @Nested
    class Projection {

        @Test
        void shouldStoreACellsIdentityAndFiguresUnderItsKey() {
            // then
            assertThat(queryRows(stack.jdbcUrl(), """
                    select cohort_day, rep_id, team_id, source, customers, with_sale
                    from funnel_cell where cell_key = ?""", A.key()))
                    .containsExactly("2026-11-02 | rep-1 | east | web | 4 | 1");
            assertThat(queryRows(stack.jdbcUrl(), "select source from funnel_cell where cell_key = ?", F.key()))
                    .containsExactly("null");
        }

        @Test
        void shouldAddALaterChangeToACell() {
            // given a cell of its own day with one lead
            FunnelCell first = cell("2027-01-10", "rep-u", "east", "web").customers(1).reached("LEAD", 1)
                    .current("LEAD", 1).build();
            FunnelCells.send(stack.producer(), stack.topics().changes(), first);
            awaitCustomers(first.key(), 1);

            // when a second customer comes into it and qualifies: the change carries only the difference
            FunnelCell second = cell("2027-01-10", "rep-u", "east", "web").customers(1)
                    .reached("LEAD", 1, "QUALIFIED", 1).current("QUALIFIED", 1)
                    .transitions("LEAD>QUALIFIED", 1).build();
            FunnelCells.sendChange(stack.producer(), stack.topics().changes(), "C-second", second);
            awaitCustomers(first.key(), 2);

            // then the funnel has both customers: reached LEAD 2, QUALIFIED 1
            var answer = stack.report().getJson("/api/v1/reports/funnel?from=2027-01-10&to=2027-01-10");
            assertThat(answer.get("customers").asLong()).isEqualTo(2);
            assertThat(answer.get("stages").get(0).get("reached").asLong()).isEqualTo(2);
            assertThat(answer.get("conversions").get(0).get("rate")).isEqualTo(json("0.5000"));
            assertThat(queryLong(stack.jdbcUrl(), "select count(*) from funnel_cell where grain = 'REP' and cohort_day = date '2027-01-10'"))
                    .isEqualTo(1);
        }

        @Test
        void shouldDeleteACellLeftWithoutCustomersAndIgnoreATombstone() {
            // given two cells of their own day, one customer each
            FunnelCell emptied = cell("2027-01-20", "rep-e", "east", "web").customers(1).reached("LEAD", 1)
                    .current("LEAD", 1).build();
            FunnelCell alsoEmptied = cell("2027-01-20", "rep-t", "east", "web").customers(1).reached("LEAD", 1)
                    .current("LEAD", 1).build();
            FunnelCells.send(stack.producer(), stack.topics().changes(), emptied, alsoEmptied);
            await().atMost(PROJECTED).until(() -> queryLong(stack.jdbcUrl(),
                    "select count(*) from funnel_cell where grain = 'REP' and cohort_day = date '2027-01-20'") == 2);

            // when both customers move to cells of the next day, with a tombstone (which changes nothing) between
            FunnelCells.sendChange(stack.producer(), stack.topics().changes(), emptied.key(), FunnelCells.minus(emptied),
                    cell("2027-01-21", "rep-e", "east", "web").customers(1).reached("LEAD", 1).current("LEAD", 1).build());
            FunnelCells.send(stack.producer(), stack.topics().changes(), alsoEmptied.key(), null);
            FunnelCells.sendChange(stack.producer(), stack.topics().changes(), alsoEmptied.key(), FunnelCells.minus(alsoEmptied),
                    cell("2027-01-21", "rep-t", "east", "web").customers(1).reached("LEAD", 1).current("LEAD", 1).build());

            // then
            await().atMost(PROJECTED).until(() -> queryLong(stack.jdbcUrl(),
                    "select count(*) from funnel_cell where grain = 'REP' and cohort_day = date '2027-01-20'") == 0);
            assertThat(stack.report().getJson("/api/v1/reports/funnel?from=2027-01-20&to=2027-01-20").get("customers").asLong())
                    .isZero();
            await().atMost(PROJECTED).until(() -> stack.report().getJson("/api/v1/reports/funnel?from=2027-01-21&to=2027-01-21")
                    .get("customers").asLong() == 2);
        }

        @Test
        void shouldPushAFunnelEventToTheDashboardsWhenACellChanges() throws Exception {
            // given a dashboard listening to the live stream
            try (LiveStream live = LiveStream.open(stack.report(), "Accept", "text/event-stream")) {
                // when
                FunnelCells.send(stack.producer(), stack.topics().changes(), cell("2027-02-01", "rep-live", "east", "web")
                        .customers(1).reached("LEAD", 1).current("LEAD", 1).build());

                // then
                await().atMost(PROJECTED).until(() -> live.lines().contains("event:funnel"));
            }
        }

        @Test
        void shouldKeepRevenueOfEachCurrencyInItsOwnRowAtEveryGrain() {
            // then A's sales: one row per currency and grain, 450 USD never added to the 1000.50 CNY
            assertThat(queryRows(stack.jdbcUrl(), """
                    select grain, currency, revenue from funnel_revenue
                    where cohort_day = date '2026-11-02' and (rep_id = 'rep-1' or grain = 'ALL' or team_id = 'east')
                    order by grain, currency"""))
                    .containsExactly("ALL | CNY | 1000.5000", "ALL | USD | 450.0000",
                            "REP | CNY | 1000.5000", "REP | USD | 450.0000",
                            "TEAM | CNY | 1000.5000", "TEAM | USD | 450.0000");
        }

        @Test
        void shouldDeleteTheRevenueRowOfACurrencyThatReturnsToZeroAndKeepTheOthers() {
            // given a customer who bought in yuan and in dollars
            FunnelCell bought = cell("2027-01-30", "rep-fx", "east", "web").customers(1).reached("LEAD", 1)
                    .current("LEAD", 1).sales(1, "300.00").revenue("USD", "40.00").build();
            FunnelCells.send(stack.producer(), stack.topics().changes(), bought);
            awaitRevenue(bought.key(), List.of("CNY | 300.0000", "USD | 40.0000"));

            // when the dollar order is taken out again (the cell's change carries only the difference)
            FunnelCell refunded = new FunnelCell(bought.cohortDay(), bought.repId(), bought.teamId(), bought.source(), 0,
                    null, null, null, null, 0, java.util.Map.of("USD", new java.math.BigDecimal("-40.00")));
            FunnelCells.sendChange(stack.producer(), stack.topics().changes(), "C-fx", refunded);

            // then
            awaitRevenue(bought.key(), List.of("CNY | 300.0000"));
            assertThat(queryRows(stack.jdbcUrl(), """
                    select grain, currency, revenue from funnel_revenue where cohort_day = date '2027-01-30'
                    order by grain, currency"""))
                    .containsExactly("ALL | CNY | 300.0000", "REP | CNY | 300.0000", "TEAM | CNY | 300.0000");
        }

        @Test
        void shouldReadTheSingleRevenueOfAnOldChangeRecordAsCurrencyUnknown() {
            // given a change record as the processor wrote it before revenue was kept per currency
            String old = """
                    {"funnel": [{"cohortDay": "2027-01-31", "repId": "rep-old", "teamId": "east", "source": "web",
                      "customers": 1, "reached": {"LEAD": 1}, "current": {"LEAD": 1}, "withSale": 1,
                      "revenue": 88.80}]}""";

            // when
            FunnelCells.send(stack.producer(), stack.topics().changes(), "C-old", old.getBytes(StandardCharsets.UTF_8));

            // then it is not taken for yuan
            FunnelCell identity = cell("2027-01-31", "rep-old", "east", "web").build();
            awaitRevenue(identity.key(), List.of("XXX | 88.8000"));
            assertThat(stack.report().getJson("/api/v1/reports/rep-conversion?from=2027-01-31&to=2027-01-31")
                    .get("rows").get(0).get("revenueByCurrency")).isEqualTo(json("{\"XXX\": 88.80}"));
        }

        private void awaitRevenue(String key, List<String> rows) {
            await().atMost(PROJECTED).until(() -> queryRows(stack.jdbcUrl(),
                    "select currency, revenue from funnel_revenue where cell_key = ? order by currency", key).equals(rows));
        }

        private void awaitCustomers(String key, long customers) {
            await().atMost(PROJECTED).until(() -> queryRows(stack.jdbcUrl(),
                    "select customers from funnel_cell where cell_key = ?", key).equals(List.of(Long.toString(customers))));
        }
    }

    @Nested
    class BadRequests {

        @Test
        void shouldAnswer400WhenFromIsMissing() {
            // when
            var response = stack.report().get("/api/v1/reports/funnel?to=2026-11-30");

            // then
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(contentType(response)).startsWith(PROBLEM_JSON);
            assertThat(json(response).get("detail").asString()).contains("from");
        }

        @Test
        void shouldAnswer400WhenFromIsAfterTo() {
            // when every funnel report is asked for a backward period
            var answers = Stream.of("funnel", "stage-transitions", "time-in-stage", "rep-conversion")
                    .map(path -> stack.report().get("/api/v1/reports/" + path + "?from=2026-12-01&to=2026-11-01"))
                    .toList();

            // then
            assertThat(answers).allSatisfy(response -> {
                assertThat(response.statusCode()).isEqualTo(400);
                assertThat(contentType(response)).startsWith(PROBLEM_JSON);
                assertThat(json(response).get("detail").asString())
                        .isEqualTo("from (2026-12-01) must not be after to (2026-11-01)");
            });
        }

        @Test
        void shouldAnswer400ForADateThatIsNotOne() {
            // when
            var response = stack.report().get("/api/v1/reports/time-in-stage?from=2026-11-31&to=2026-12-01");

            // then
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(contentType(response)).startsWith(PROBLEM_JSON);
        }

        @Test
        void shouldAnswer400ForAnUnknownGroupByOrFormatOfTheExport() {
            // when
            var groupBy = stack.report().get("/api/v1/exports/stage-conversion?format=csv&" + NOVEMBER + "&groupBy=week");
            var format = stack.report().get("/api/v1/exports/stage-conversion?format=pdf&" + NOVEMBER + "&groupBy=month");

            // then
            assertThat(groupBy.statusCode()).isEqualTo(400);
            assertThat(contentType(groupBy)).startsWith(PROBLEM_JSON);
            assertThat(json(groupBy).get("detail").asString()).isEqualTo("groupBy must be one of [month, rep, team]");
            assertThat(format.statusCode()).isEqualTo(400);
            assertThat(contentType(format)).startsWith(PROBLEM_JSON);
            assertThat(json(format).get("detail").asString()).isEqualTo("format must be one of [csv, xlsx]");
        }
    }

    /** The stages in pipeline order with their names, as the funnel answer lists them. */
    private static final List<String> STAGES = List.of(
            "\"stage\": \"LEAD\", \"nameZh\": \"潜在客户\", \"nameEn\": \"Lead\"",
            "\"stage\": \"QUALIFIED\", \"nameZh\": \"意向客户\", \"nameEn\": \"Qualified\"",
            "\"stage\": \"PROPOSAL\", \"nameZh\": \"方案制定\", \"nameEn\": \"Proposal\"",
            "\"stage\": \"QUOTE\", \"nameZh\": \"报价\", \"nameEn\": \"Quote\"",
            "\"stage\": \"CONTRACT\", \"nameZh\": \"合同签署\", \"nameEn\": \"Contract\"",
            "\"stage\": \"WON\", \"nameZh\": \"成交\", \"nameEn\": \"Won\"",
            "\"stage\": \"LOST\", \"nameZh\": \"流失\", \"nameEn\": \"Lost\"");

    /** The stages a customer moves on from, in pipeline order: a step each to the next. */
    private static final List<String> FORWARD = List.of("LEAD", "QUALIFIED", "PROPOSAL", "QUOTE", "CONTRACT");

    /**
     * The funnel report's whole answer.
     *
     * @param reachedAndCurrent each stage's reached/current in the order of {@link #STAGES}, as {@code "10/1 6/2 …"}
     * @param rates             each forward step's conversion, {@code null} where nobody reached its first stage
     */
    private static JsonNode funnel(String reachedAndCurrent, String rates, int won, int lost, String winRate,
                                   int customers) {
        String[] figures = reachedAndCurrent.split(" ");
        String[] rate = rates.split(" ");
        String stages = IntStream.range(0, STAGES.size())
                .mapToObj(i -> "{%s, \"reached\": %s, \"current\": %s}".formatted(STAGES.get(i),
                        figures[i].split("/")[0], figures[i].split("/")[1]))
                .collect(Collectors.joining(", "));
        String conversions = IntStream.range(0, FORWARD.size())
                .mapToObj(i -> "{\"from\": \"%s\", \"to\": \"%s\", \"rate\": %s}".formatted(FORWARD.get(i),
                        i + 1 < FORWARD.size() ? FORWARD.get(i + 1) : "WON", rate[i]))
                .collect(Collectors.joining(", "));
        return json("""
                {"stages": [%s], "conversions": [%s], "won": %d, "lost": %d, "winRate": %s, "customers": %d}"""
                .formatted(stages, conversions, won, lost, winRate, customers));
    }

    /** Time in stage: each forward stage's customers/medianDays, as {@code "6/3 4/1 …"} ({@code null}: no median). */
    private static JsonNode medians(String customersAndMedians) {
        String[] figures = customersAndMedians.split(" ");
        return json("{\"rows\": [" + IntStream.range(0, FORWARD.size())
                .mapToObj(i -> "{\"stage\": \"%s\", \"customers\": %s, \"medianDays\": %s}".formatted(FORWARD.get(i),
                        figures[i].split("/")[0], figures[i].split("/")[1]))
                .collect(Collectors.joining(", ")) + "]}");
    }

    /** The rep conversion report's whole answer: these rows, in this order. */
    private static JsonNode conversions(String... rows) {
        return json("{\"rows\": [" + String.join(", ", rows) + "]}");
    }

    /** One rep's row; {@code revenue} sums each currency, as {@code "CNY 2500.00, USD 450.00"}, or is "". */
    private static String conversion(String repId, String teamId, int customers, int customersWithSale, String revenue,
                                     String conversion) {
        String revenueByCurrency = revenue.isEmpty() ? "" : Arrays.stream(revenue.split(", "))
                .map(amount -> amount.split(" "))
                .map(amount -> "\"" + amount[0] + "\": " + amount[1])
                .collect(Collectors.joining(", "));
        return """
                {"repId": "%s", "teamId": "%s", "customers": %d, "customersWithSale": %d,
                 "revenueByCurrency": {%s}, "conversion": %s}""".formatted(repId, teamId, customers, customersWithSale,
                revenueByCurrency, conversion);
    }
}
