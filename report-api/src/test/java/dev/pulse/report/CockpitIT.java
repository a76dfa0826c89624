package dev.pulse.report;

import static dev.pulse.report.Downloads.csv;
import static dev.pulse.report.Downloads.download;
import static dev.pulse.report.Downloads.lines;
import static dev.pulse.report.RunningReport.json;
import static dev.pulse.testsupport.TestPostgres.queryLong;
import static dev.pulse.testsupport.TestPostgres.queryRows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pulse.events.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The manager's cockpit (issue 15) against a real broker and a real PostgreSQL: hand-written
 * follow-ups go onto the follow-ups topic, the projector keeps them as facts, and every expected
 * figure below is worked out by hand from {@link #seed()}. Days are in Asia/Shanghai; every
 * follow-up is at 10:00 there. The cohort is November 2026.
 *
 * <pre>
 * customer owner (rep/team/source)  history                                          now
 * c1   rep-1 east web     11-02 LEAD, 11-05 QUOTE, 11-10 LOST "价格太高"                 lost from QUOTE
 * c2   rep-1 east web     11-03 LEAD, 11-04 LOST "价格太高"                              lost from LEAD
 * c3   rep-2 east expo    11-06 LEAD, 11-07 PROPOSAL, 11-08 LOST "No budget"            lost from PROPOSAL
 * c4   rep-3 west expo    11-09 QUALIFIED, 11-12 LOST "No budget"                       lost from QUALIFIED
 * c5   rep-3 west web     11-11 LEAD, 11-13 LOST "选了竞品"                              lost from LEAD
 * c6   rep-2 east web     11-14 LEAD, 11-15 LOST "Timing"                               lost from LEAD
 * c7   rep-1 east web     11-16 LEAD, 11-17 LOST "NO BUDGET"                            lost from LEAD
 * c8   rep-1 east web     11-17 LEAD, 11-18 LOST "失联", 11-19 QUALIFIED                  open (revived)
 * c9   rep-1 east web     10-30 LEAD, 11-05 LOST "价格太高"                              not in the cohort
 * c10  rep-2 east web     11-21 LEAD, 11-22 WON                                         won
 * c11  rep-1 east -       11-25 LEAD, 11-26 LOST "价格太高"                              lost from LEAD
 * c12  rep-3 west web     11-20 LEAD (rep-2 east), 11-23 PROPOSAL, 11-24 LOST "Timing"   lost from PROPOSAL
 * c13  rep-1 east web     11-01 LEAD, 11-11 WON; sales 1,000 CNY and 200 USD              won after 10 days
 * c14  rep-2 east expo    11-03 LEAD, 11-05 PROPOSAL, 11-23 WON; sale 3,000 CNY           won after 20 days
 * c15  rep-3 west web     11-10 QUOTE, expecting 10,000 CNY on 12-15                       open
 * c16  rep-1 east web     11-12 PROPOSAL, expecting 5,000 CNY on 12-20                     open
 * c17  rep-2 east web     11-25 LEAD expecting 8,000 CNY on 12-31, 11-27 LEAD 9,000 on 2027-02-01   open
 * </pre>
 * c8's last follow-up expects 2,000 USD on 2027-01-10; c14 expected 3,000 CNY on 12-10 before it was won.
 * Lost in the cohort: 9. Reasons, trimmed and case-folded: 价格太高 3 (c1 c2 c11), no budget 3 (c3 c4
 * c7, spelt "No budget" twice), timing 2 (c6 c12), 选了竞品 1 (c5).
 *
 * <p>Cycle: won c10 1 day, c13 10, c14 20; lost c1 8, c2 1, c3 2, c4 3, c5 2, c6 1, c7 1, c11 1, c12 4.
 * Open: c8, c15, c16, c17. c9's loss is outside the cohort.
 *
 * <p>Stage probabilities over the 12 months to 2026-11-30 (all 17 customers; skipped stages count
 * as reached): LEAD 3 won of 17; QUALIFIED 3 of 10 (c1 c3 c4 c8 c10 c12 c13 c14 c15 c16); PROPOSAL 3
 * of 8 (c1 c3 c10 c12 c13 c14 c15 c16); QUOTE 3 of 5 (c1 c10 c13 c14 c15); CONTRACT 3 of 3.
 */
class CockpitIT {

    private static final Duration PROJECTED = Duration.ofSeconds(30);
    private static final String NOVEMBER = "from=2026-11-01&to=2026-11-30";

    private static final List<ObjectNode> seeded = new ArrayList<>();

    @RegisterExtension
    static final ReportStack stack = new ReportStack("cockpit-it", "cockpit");

    @BeforeAll
    static void seed() {
        f("c1", "rep-1", "east", "web", "11-02", "LEAD", null);
        f("c1", "rep-1", "east", "web", "11-05", "QUOTE", null);
        f("c1", "rep-1", "east", "web", "11-10", "LOST", "价格太高");
        f("c2", "rep-1", "east", "web", "11-03", "LEAD", null);
        f("c2", "rep-1", "east", "web", "11-04", "LOST", "价格太高");
        f("c3", "rep-2", "east", "expo", "11-06", "LEAD", null);
        f("c3", "rep-2", "east", "expo", "11-07", "PROPOSAL", null);
        f("c3", "rep-2", "east", "expo", "11-08", "LOST", "No budget");
        f("c4", "rep-3", "west", "expo", "11-09", "QUALIFIED", null);
        f("c4", "rep-3", "west", "expo", "11-12", "LOST", "No budget");
        f("c5", "rep-3", "west", "web", "11-11", "LEAD", null);
        f("c5", "rep-3", "west", "web", "11-13", "LOST", "选了竞品");
        f("c6", "rep-2", "east", "web", "11-14", "LEAD", null);
        f("c6", "rep-2", "east", "web", "11-15", "LOST", "Timing");
        f("c7", "rep-1", "east", "web", "11-16", "LEAD", null);
        f("c7", "rep-1", "east", "web", "11-17", "LOST", "NO BUDGET");
        f("c8", "rep-1", "east", "web", "11-17", "LEAD", null);
        f("c8", "rep-1", "east", "web", "11-18", "LOST", "失联");
        f("c8", "rep-1", "east", "web", "11-19", "QUALIFIED", null);
        deal("2000", "USD", "2027-01-10");
        f("c9", "rep-1", "east", "web", "10-30", "LEAD", null);
        f("c9", "rep-1", "east", "web", "11-05", "LOST", "价格太高");
        f("c10", "rep-2", "east", "web", "11-21", "LEAD", null);
        f("c10", "rep-2", "east", "web", "11-22", "WON", null);
        f("c11", "rep-1", "east", null, "11-25", "LEAD", null);
        f("c11", "rep-1", "east", null, "11-26", "LOST", "价格太高");
        f("c12", "rep-2", "east", "web", "11-20", "LEAD", null);
        f("c12", "rep-3", "west", null, "11-23", "PROPOSAL", null);
        f("c12", "rep-3", "west", null, "11-24", "LOST", "Timing");
        f("c13", "rep-1", "east", "web", "11-01", "LEAD", null);
        f("c13", "rep-1", "east", "web", "11-11", "WON", null);
        f("c14", "rep-2", "east", "expo", "11-03", "LEAD", null);
        f("c14", "rep-2", "east", "expo", "11-05", "PROPOSAL", null);
        deal("3000", "CNY", "2026-12-10");
        f("c14", "rep-2", "east", "expo", "11-23", "WON", null);
        f("c15", "rep-3", "west", "web", "11-10", "QUOTE", null);
        deal("10000", "CNY", "2026-12-15");
        f("c16", "rep-1", "east", "web", "11-12", "PROPOSAL", null);
        deal("5000", "CNY", "2026-12-20");
        f("c17", "rep-2", "east", "web", "11-25", "LEAD", null);
        deal("8000", "CNY", "2026-12-31");
        f("c17", "rep-2", "east", "web", "11-27", "LEAD", null);
        deal("9000", "CNY", "2027-02-01");
        for (ObjectNode followUp : seeded) {
            send(stack.topics().followups(), followUp);
        }
        send(stack.topics().sales(), Samples.sale("c13", "o-13a", "1000.00").put("occurredAt", "2026-11-11T04:00:00Z"));
        send(stack.topics().sales(), Samples.sale("c13", "o-13b", "200.00").put("currency", "USD")
                .put("occurredAt", "2026-11-11T04:00:00Z"));
        send(stack.topics().sales(), Samples.sale("c14", "o-14", "3000.00").put("repId", "rep-2")
                .put("occurredAt", "2026-11-23T04:00:00Z"));
        // a sale in June, outside every figure above, whose product a spreadsheet would take for a formula
        send(stack.topics().sales(), Samples.sale("c99", "o-99", "5.00").put("product", "=1+1")
                .put("occurredAt", "2026-06-05T04:00:00Z"));
        await().atMost(PROJECTED).until(() -> queryLong(stack.jdbcUrl(), "select count(*) from followup") == seeded.size()
                && queryLong(stack.jdbcUrl(), "select count(*) from sale") == 4);
    }

    @Nested
    class LostReasons {

        @Test
        void shouldCountTheReasonsTrimmedAndCaseFoldedWithTheirShares() {
            JsonNode answer = stack.report().getJson("/api/v1/reports/lost-reasons?" + NOVEMBER);

            assertThat(answer.get("lost").asLong()).isEqualTo(9);
            // 3 and 3 tie: the spelling "No budget" sorts before 价格太高; 3/9, 3/9, 2/9, 1/9
            assertThat(reasons(answer.get("reasons"))).containsExactly(
                    "- No budget 3 0.3333", "- 价格太高 3 0.3333", "- Timing 2 0.2222", "- 选了竞品 1 0.1111");
        }

        @Test
        void shouldFoldTheReasonsOutsideTheTopNIntoOtherPerStageLostFrom() {
            JsonNode answer = stack.report().getJson("/api/v1/reports/lost-reasons?" + NOVEMBER + "&groupBy=stage&top=2");

            assertThat(reasons(answer.get("reasons"))).containsExactly(
                    "- No budget 3 0.3333", "- 价格太高 3 0.3333", "- (other) 3 0.3333");
            // LEAD: c2 c11 价格太高, c7 no budget, c5 c6 other; PROPOSAL: c3 no budget, c12 other; QUALIFIED c4; QUOTE c1
            assertThat(reasons(answer.get("rows"))).containsExactly(
                    "LEAD No budget 1 0.2000", "LEAD 价格太高 2 0.4000", "LEAD (other) 2 0.4000",
                    "PROPOSAL No budget 1 0.5000", "PROPOSAL (other) 1 0.5000",
                    "QUALIFIED No budget 1 1.0000", "QUOTE 价格太高 1 1.0000");
        }

        @Test
        void shouldSplitByOwnerRepTeamAndSourceAndFollowTheFilters() {
            assertThat(reasons(stack.report().getJson("/api/v1/reports/lost-reasons?" + NOVEMBER + "&groupBy=rep").get("rows")))
                    .containsExactly("rep-1 No budget 1 0.2500", "rep-1 价格太高 3 0.7500",
                            "rep-3 No budget 1 0.3333", "rep-3 Timing 1 0.3333", "rep-3 选了竞品 1 0.3333",
                            "rep-2 No budget 1 0.5000", "rep-2 Timing 1 0.5000");
            // c12's source is its first follow-up's (web); c11 names none
            assertThat(reasons(stack.report().getJson("/api/v1/reports/lost-reasons?" + NOVEMBER + "&groupBy=source&top=1")
                    .get("rows"))).containsExactly("web No budget 1 0.1667", "web (other) 5 0.8333",
                    "expo No budget 2 1.0000", "- (other) 1 1.0000");
            JsonNode west = stack.report().getJson("/api/v1/reports/lost-reasons?" + NOVEMBER + "&teamId=west");
            assertThat(west.get("lost").asLong()).isEqualTo(3);
            assertThat(reasons(west.get("reasons"))).containsExactly(
                    "- No budget 1 0.3333", "- Timing 1 0.3333", "- 选了竞品 1 0.3333");
            // a cohort of one day holds only c3
            assertThat(reasons(stack.report().getJson("/api/v1/reports/lost-reasons?from=2026-11-06&to=2026-11-06")
                    .get("reasons"))).containsExactly("- No budget 1 1.0000");
        }

        @Test
        void shouldListTheCustomersBehindEachFigure() {
            String stageTop2 = "/api/v1/reports/lost-reasons/customers?" + NOVEMBER + "&groupBy=stage&top=2";
            assertThat(customers(stack.report().getJson(stageTop2 + "&group=LEAD&reason=" + enc("价格太高")))).containsExactly("c11", "c2");
            assertThat(customers(stack.report().getJson(stageTop2 + "&group=LEAD"))).containsExactly("c6", "c5");
            assertThat(customers(stack.report().getJson("/api/v1/reports/lost-reasons/customers?" + NOVEMBER + "&reason=no%20budget")))
                    .containsExactly("c7", "c4", "c3");
            JsonNode c12 = stack.report().getJson("/api/v1/reports/lost-reasons/customers?" + NOVEMBER + "&reason=timing&teamId=west")
                    .get("rows").get(0);
            assertThat(c12.get("customerId").asString()).isEqualTo("c12");
            assertThat(c12.get("lostFrom").asString()).isEqualTo("PROPOSAL");
            assertThat(c12.get("ownerRep").asString()).isEqualTo("rep-3");
            assertThat(c12.get("source").asString()).isEqualTo("web");
            // every figure of the report has as many customers as it counts
            JsonNode byRep = stack.report().getJson("/api/v1/reports/lost-reasons?" + NOVEMBER + "&groupBy=rep&top=1");
            for (JsonNode row : byRep.get("rows")) {
                String path = "/api/v1/reports/lost-reasons/customers?" + NOVEMBER + "&groupBy=rep&top=1&group="
                        + enc(row.get("group").asString())
                        + (row.get("other").asBoolean() ? "" : "&reason=" + enc(row.get("key").asString()));
                assertThat(stack.report().getJson(path).get("rows")).as(path).hasSize(row.get("customers").asInt());
            }
        }

        @Test
        void shouldExportTheRowsAsCsvWithABomAndAsXlsxAndAuditTheExport() throws IOException {
            String query = NOVEMBER + "&groupBy=stage&top=2";

            String csv = csv(download(stack.report(), "/api/v1/exports/lost-reasons?format=csv&" + query));
            List<Row> xlsx = Downloads.sheet(download(stack.report(), "/api/v1/exports/lost-reasons?format=xlsx&" + query).body());

            assertThat(csv).isEqualTo(lines("group,reason,customers,share",
                    "LEAD,No budget,1,0.2000", "LEAD,价格太高,2,0.4000", "LEAD,(other),2,0.4000",
                    "PROPOSAL,No budget,1,0.5000", "PROPOSAL,(other),1,0.5000",
                    "QUALIFIED,No budget,1,1.0000", "QUOTE,价格太高,1,1.0000"));
            assertThat(xlsx).hasSize(8);
            assertThat(xlsx.get(2).getCellText(1)).isEqualTo("价格太高");
            assertThat(xlsx.get(2).getCellAsNumber(2).orElseThrow()).isEqualByComparingTo("2");
            assertThat(queryRows(stack.jdbcUrl(), "select target from audit_log where action = 'export.lost-reasons' order by audit_id"))
                    .containsExactly("lost-reasons_2026-11-01_2026-11-30_by-stage.csv",
                            "lost-reasons_2026-11-01_2026-11-30_by-stage.xlsx");
        }

        @Test
        void shouldRefuseAnUnknownGroupingAndATopOutOfRange() {
            var unknown = stack.report().get("/api/v1/reports/lost-reasons?" + NOVEMBER + "&groupBy=colour");
            var tooMany = stack.report().get("/api/v1/reports/lost-reasons?" + NOVEMBER + "&top=51");

            assertThat(unknown.statusCode()).isEqualTo(400);
            assertThat(json(unknown).get("code").asString()).isEqualTo("PULSE-Q005");
            assertThat(tooMany.statusCode()).isEqualTo(400);
            assertThat(json(tooMany).get("code").asString()).isEqualTo("PULSE-Q015");
        }

        /** "group reason customers share", "-" for no group, "(other)" for the rest. */
        private static List<String> reasons(JsonNode rows) {
            List<String> out = new ArrayList<>();
            for (JsonNode row : rows) {
                out.add((row.get("group").isNull() ? "-" : row.get("group").asString()) + " "
                        + (row.get("other").asBoolean() ? "(other)" : row.get("reason").asString()) + " "
                        + row.get("customers").asLong() + " " + scaled(row.get("share"), 4));
            }
            return out;
        }
    }

    @Nested
    class CycleAndVelocity {

        @Test
        void shouldGiveTheMedianAverageAndDistributionOfDaysToWonAndToLost() {
            JsonNode rows = stack.report().getJson("/api/v1/reports/cycle-length?" + NOVEMBER).get("rows");

            // won [1, 10, 20]: median 10, mean 31/3; lost [1, 1, 1, 1, 2, 2, 3, 4, 8]: lower median 2, mean 23/9
            assertThat(cycles(rows)).containsExactly("- WON 3 10 10.33 [1, 1, 1, 0, 0, 0]",
                    "- LOST 9 2 2.56 [8, 1, 0, 0, 0, 0]");
        }

        @Test
        void shouldSplitTheCycleByOwnerRepAndByCohortMonth() {
            // rep-1 won c13 10, lost [1, 1, 1, 8] (lower median of four: the 2nd); rep-2 won [1, 20], lost [1, 2];
            // rep-3 lost [2, 3, 4]
            assertThat(cycles(stack.report().getJson("/api/v1/reports/cycle-length?" + NOVEMBER + "&groupBy=rep").get("rows")))
                    .containsExactly("rep-1 WON 1 10 10.00 [0, 1, 0, 0, 0, 0]", "rep-1 LOST 4 1 2.75 [3, 1, 0, 0, 0, 0]",
                            "rep-2 WON 2 1 10.50 [1, 0, 1, 0, 0, 0]", "rep-2 LOST 2 1 1.50 [2, 0, 0, 0, 0, 0]",
                            "rep-3 LOST 3 3 3.00 [3, 0, 0, 0, 0, 0]");
            assertThat(cycles(stack.report().getJson("/api/v1/reports/cycle-length?" + NOVEMBER + "&groupBy=month").get("rows")))
                    .containsExactly("2026-11 WON 3 10 10.33 [1, 1, 1, 0, 0, 0]", "2026-11 LOST 9 2 2.56 [8, 1, 0, 0, 0, 0]");
        }

        @Test
        void shouldListTheCustomersBehindACycleRowLongestFirst() {
            assertThat(customers(stack.report().getJson("/api/v1/reports/cycle-length/customers?" + NOVEMBER + "&outcome=won")))
                    .containsExactly("c14", "c13", "c10");
            JsonNode rep2Lost = stack.report().getJson("/api/v1/reports/cycle-length/customers?" + NOVEMBER
                    + "&groupBy=rep&group=rep-2&outcome=LOST");
            assertThat(customers(rep2Lost)).containsExactly("c3", "c6");
            assertThat(rep2Lost.get("rows").get(0).get("days").asInt()).isEqualTo(2);
        }

        @Test
        void shouldComputeVelocityFromItsFourPartsPerCurrency() {
            JsonNode velocity = stack.report().getJson("/api/v1/reports/velocity?" + NOVEMBER);

            // open c8 c15 c16 c17; win rate 3 / 12; mean cycle 31 / 3 days
            assertThat(velocity.get("openCustomers").asLong()).isEqualTo(4);
            assertThat(velocity.get("won").asLong()).isEqualTo(3);
            assertThat(velocity.get("lost").asLong()).isEqualTo(9);
            assertThat(velocity.get("winRate").decimalValue()).isEqualByComparingTo("0.25");
            assertThat(velocity.get("averageCycleDays").decimalValue()).isEqualByComparingTo("10.33");
            // CNY: (1,000 + 3,000) / 2 customers = 2,000; 4 x 0.25 x 2,000 / (31/3) = 6,000 / 31 = 193.55 a day
            // USD: 200 / 1 = 200; 4 x 0.25 x 200 / (31/3) = 600 / 31 = 19.35 a day
            assertThat(deals(velocity)).containsExactly("CNY 2 4000.00 2000.00 193.55", "USD 1 200.00 200.00 19.35");
            // team west: open c15, nobody won: no win rate, no cycle, no deals
            JsonNode west = stack.report().getJson("/api/v1/reports/velocity?" + NOVEMBER + "&teamId=west");
            assertThat(west.get("openCustomers").asLong()).isEqualTo(1);
            assertThat(west.get("winRate").decimalValue()).isEqualByComparingTo("0");
            assertThat(west.get("averageCycleDays").isNull()).isTrue();
            assertThat(west.get("byCurrency")).isEmpty();
        }

        /** "currency wonWithSale revenue averageDeal velocityPerDay", numbers as plain decimals with two places. */
        private static List<String> deals(JsonNode velocity) {
            List<String> out = new ArrayList<>();
            for (JsonNode deal : velocity.get("byCurrency")) {
                out.add(deal.get("currency").asString() + " " + deal.get("wonWithSale").asLong() + " "
                        + two(deal.get("revenue")) + " " + two(deal.get("averageDeal")) + " " + two(deal.get("velocityPerDay")));
            }
            return out;
        }

        private static String two(JsonNode number) {
            return scaled(number, 2);
        }

        /** "group outcome customers median average [buckets]". */
        private static List<String> cycles(JsonNode rows) {
            List<String> out = new ArrayList<>();
            for (JsonNode row : rows) {
                List<Long> buckets = new ArrayList<>();
                row.get("buckets").forEach(b -> buckets.add(b.get("customers").asLong()));
                out.add((row.get("group").isNull() ? "-" : row.get("group").asString()) + " " + row.get("outcome").asString()
                        + " " + row.get("customers").asLong() + " " + row.get("medianDays").asLong() + " "
                        + two(row.get("averageDays")) + " " + buckets);
            }
            return out;
        }
    }

    /** A JSON number with exactly this many decimals, whatever trailing zeros the parser kept. */
    static String scaled(JsonNode number, int decimals) {
        return number.decimalValue().setScale(decimals, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }

    /**
     * Every number traceable: the list behind each figure is as long as the figure, the figures
     * worked out by hand from the seed (37 follow-ups, 36 of them in November: c9's of 10-30 is not).
     */
    @Nested
    class Traceability {

        @Test
        void shouldListAsManyFollowUpsAndSalesAsTheOverviewCounts() {
            assertThat(total("/api/v1/drill/follow-ups?" + NOVEMBER)).isEqualTo(36);
            // each follow-up under its own team: c4 2, c5 2, c12's two of rep-3, c15 1
            assertThat(total("/api/v1/drill/follow-ups?" + NOVEMBER + "&teamId=west")).isEqualTo(7);
            // c3 3, c6 2, c10 2, c12's first, c14 3, c17 2
            assertThat(total("/api/v1/drill/follow-ups?" + NOVEMBER + "&repId=rep-2")).isEqualTo(13);
            // one day's bar: c1's LOST and c15's QUOTE
            assertThat(total("/api/v1/drill/follow-ups?from=2026-11-10&to=2026-11-10")).isEqualTo(2);
            assertThat(total("/api/v1/drill/sales?" + NOVEMBER)).isEqualTo(3);
            assertThat(total("/api/v1/drill/sales?" + NOVEMBER + "&currency=USD")).isEqualTo(1);
            assertThat(total("/api/v1/drill/sales?" + NOVEMBER + "&repId=rep-2")).isEqualTo(1);
            JsonNode page = stack.report().getJson("/api/v1/drill/follow-ups?" + NOVEMBER + "&offset=30&limit=10");
            assertThat(page.get("total").asLong()).isEqualTo(36);
            assertThat(page.get("rows")).hasSize(6);
        }

        @Test
        void shouldListAsManyRepsTeamsAndTouchesAsTheOverviewCards() throws IOException {
            // November: rep-1 16 follow-ups (c1 3, c2 2, c7 2, c8 3, c9 1, c11 2, c13 2, c16 1), rep-2 13, rep-3 7
            JsonNode reps = stack.report().getJson("/api/v1/drill/reps?" + NOVEMBER);
            assertThat(reps.get("total").asLong()).isEqualTo(3);
            assertThat(groups(reps)).containsExactly("rep-1 16", "rep-2 13", "rep-3 7");
            // rep-2's customers: c3 c6 c10 c12 c14 c17
            assertThat(reps.get("rows").get(1).get("customers").asLong()).isEqualTo(6);
            assertThat(groups(stack.report().getJson("/api/v1/drill/teams?" + NOVEMBER))).containsExactly("east 29", "west 7");
            // west's follow-ups are all rep-3's (c12's first is rep-2's under east); rep-2 worked for east only
            assertThat(total("/api/v1/drill/reps?" + NOVEMBER + "&teamId=west")).isEqualTo(1);
            assertThat(total("/api/v1/drill/teams?" + NOVEMBER + "&repId=rep-2")).isEqualTo(1);
            // no customer is followed up twice on one day here: as many touches as follow-ups
            assertThat(total("/api/v1/drill/touches?" + NOVEMBER)).isEqualTo(36);
            assertThat(total("/api/v1/drill/touches?" + NOVEMBER + "&teamId=west")).isEqualTo(7);
            // 11-17: rep-1's c7 (LOST) and c8 (LEAD)
            JsonNode day = stack.report().getJson("/api/v1/drill/touches?from=2026-11-17&to=2026-11-17");
            assertThat(day.get("total").asLong()).isEqualTo(2);
            assertThat(day.get("rows").get(0).get("day").asString()).isEqualTo("2026-11-17");
            // a goal's new customers: first followed up ever in November, all but c9 (10-30); rep-2's: c3 c6 c10 c12 c14
            // c17 (c12's first follow-up was rep-2's, for east); west's: c4 c5 c15
            assertThat(total("/api/v1/drill/new-customers?" + NOVEMBER)).isEqualTo(16);
            assertThat(customers(stack.report().getJson("/api/v1/drill/new-customers?" + NOVEMBER + "&repId=rep-2")))
                    .containsExactlyInAnyOrder("c3", "c6", "c10", "c12", "c14", "c17");
            assertThat(total("/api/v1/drill/new-customers?" + NOVEMBER + "&teamId=west")).isEqualTo(3);
            assertThat(total("/api/v1/drill/new-customers?from=2026-11-05&to=2026-11-05")).isZero();
            String csv = csv(download(stack.report(), "/api/v1/exports/drill/reps?format=csv&" + NOVEMBER));
            assertThat(csv).isEqualTo(lines("rep_id,follow_ups,customers", "rep-1,16,8", "rep-2,13,6", "rep-3,7,4"));
            List<Row> touches = Downloads.sheet(download(stack.report(), "/api/v1/exports/drill/touches?format=xlsx&" + NOVEMBER
                    + "&teamId=west").body());
            assertThat(touches).hasSize(1 + 7);
            assertThat(queryRows(stack.jdbcUrl(), "select target from audit_log where action in ('export.drill-reps', "
                    + "'export.drill-touches') order by audit_id")).containsExactly(
                    "drill-reps_2026-11-01_2026-11-30.csv", "drill-touches_2026-11-01_2026-11-30.xlsx");
        }

        @Test
        void shouldListAndExportTheCustomersBehindACycleBarALostReasonAndAForecastRow() throws IOException {
            // lost after 1, 2, 3, 2, 1, 1, 1, 4 days: 8 in the 0-7 bar, c1's 8 days in the next; won c13 after 10 days
            String bar = "/api/v1/reports/cycle-length/customers?" + NOVEMBER + "&outcome=lost&fromDays=0&toDays=7";
            assertThat(stack.report().getJson(bar).get("rows")).hasSize(8);
            assertThat(customers(stack.report().getJson("/api/v1/reports/cycle-length/customers?" + NOVEMBER
                    + "&outcome=LOST&fromDays=8&toDays=14"))).containsExactly("c1");
            assertThat(customers(stack.report().getJson("/api/v1/reports/cycle-length/customers?" + NOVEMBER
                    + "&outcome=won&fromDays=8&toDays=14"))).containsExactly("c13");
            assertThat(stack.report().get(bar.replace("fromDays=0", "fromDays=-1")).statusCode()).isEqualTo(400);
            String cycle = csv(download(stack.report(), "/api/v1/exports/cycle-length/customers?format=csv&" + NOVEMBER
                    + "&outcome=lost&fromDays=0&toDays=7"));
            // no budget: c3 c4 c7
            List<Row> lost = Downloads.sheet(download(stack.report(), "/api/v1/exports/lost-reasons/customers?format=xlsx&"
                    + NOVEMBER + "&reason=no%20budget").body());
            // December's CNY row: c15 QUOTE 10,000 x 0.6 and c16 PROPOSAL 5,000 x 0.375
            String forecast = csv(download(stack.report(), "/api/v1/exports/forecast/customers?format=csv&from=2026-12-01"
                    + "&to=2027-01-31&month=2026-12&currency=CNY&asOf=2026-11-30&months=12"));

            assertThat(cycle.split("\r\n")).hasSize(1 + 8);
            assertThat(cycle).startsWith("customer_id,customer_name,owner_rep,owner_team,source,outcome,first_follow_up_at,"
                    + "closed_at,days\r\n");
            assertThat(lost).hasSize(1 + 3);
            assertThat(lost.get(0).getCellText(6)).isEqualTo("lost_reason");
            assertThat(forecast.split("\r\n")).hasSize(1 + 2);
            assertThat(forecast.split("\r\n")[1]).startsWith("c15,").contains(",QUOTE,")
                    .contains(",CNY,2026-12-15,");
            assertThat(queryRows(stack.jdbcUrl(), "select target from audit_log where action in ('export.cycle-length-customers', "
                    + "'export.lost-reasons-customers', 'export.forecast-customers') order by audit_id")).containsExactly(
                    "cycle-length-customers_2026-11-01_2026-11-30_lost.csv",
                    "lost-reasons-customers_2026-11-01_2026-11-30.xlsx",
                    "forecast-customers_2026-12-01_2027-01-31_2026-12.csv");
        }

        private static List<String> groups(JsonNode page) {
            List<String> out = new ArrayList<>();
            page.get("rows").forEach(row -> out.add(row.get("id").asString() + " " + row.get("followUps").asLong()));
            return out;
        }

        @Test
        void shouldListAsManyCohortCustomersAsEachFunnelFigureCounts() {
            String funnel = "/api/v1/drill/funnel?" + NOVEMBER;
            assertThat(total(funnel + "&measure=all")).isEqualTo(16);
            // every one of the 16 had a forward stage; skipped stages count as reached
            assertThat(total(funnel + "&stage=LEAD")).isEqualTo(16);
            assertThat(total(funnel + "&stage=QUALIFIED")).isEqualTo(10);
            assertThat(total(funnel + "&stage=PROPOSAL")).isEqualTo(8);
            assertThat(total(funnel + "&stage=QUOTE")).isEqualTo(5);
            assertThat(total(funnel + "&stage=CONTRACT")).isEqualTo(3);
            assertThat(total(funnel + "&stage=WON")).isEqualTo(3);
            // the 9 lost now and c8, lost then revived: LOST does not un-reach
            assertThat(total(funnel + "&stage=LOST")).isEqualTo(10);
            assertThat(total(funnel + "&stage=LOST&measure=current")).isEqualTo(9);
            assertThat(customers(stack.report().getJson(funnel + "&stage=WON&measure=current"))).containsExactly("c13", "c14", "c10");
            assertThat(customers(stack.report().getJson(funnel + "&stage=QUALIFIED&measure=current"))).containsExactly("c8");
            // the velocity's open customers: c8 (revived), c15, c16, c17
            assertThat(customers(stack.report().getJson(funnel + "&measure=open"))).containsExactlyInAnyOrder("c8", "c15", "c16", "c17");
            assertThat(total(funnel + "&measure=open&teamId=west")).isEqualTo(1);
            // owner team west: c4 c5 c12 lost, c15 open
            assertThat(total(funnel + "&stage=LOST&teamId=west")).isEqualTo(3);
            assertThat(total(funnel + "&stage=LEAD&teamId=west")).isEqualTo(4);
        }

        @Test
        void shouldListTheDecidedCustomersBehindTheWinRateAndTheRepConversionsWithSaleCells() {
            String funnel = "/api/v1/drill/funnel?" + NOVEMBER;
            // the win rate 3 / (3 + 9): its list is the 12 decided, each with its outcome as its stage
            JsonNode decided = stack.report().getJson(funnel + "&measure=decided");
            assertThat(decided.get("total").asLong()).isEqualTo(12);
            List<String> outcomes = new ArrayList<>();
            decided.get("rows").forEach(row -> outcomes.add(row.get("stage").asString()));
            assertThat(outcomes).filteredOn("WON"::equals).hasSize(3);
            assertThat(outcomes).filteredOn("LOST"::equals).hasSize(9);
            // west: c4 c5 c12 lost, nobody won
            assertThat(total(funnel + "&measure=decided&teamId=west")).isEqualTo(3);
            // rep conversion: rep-1's c13 and rep-2's c14 have sales; rep-3's customers none; c99's sale is in no cohort
            assertThat(customers(stack.report().getJson(funnel + "&measure=with_sale&repId=rep-1"))).containsExactly("c13");
            assertThat(customers(stack.report().getJson(funnel + "&measure=with_sale&repId=rep-2"))).containsExactly("c14");
            assertThat(total(funnel + "&measure=with_sale&repId=rep-3")).isZero();
            assertThat(total(funnel + "&measure=with_sale")).isEqualTo(2);
            // and their revenue: rep-1's 1,000 CNY and 200 USD (c13), rep-2's 3,000 CNY (c14, a sale of rep-2's own)
            JsonNode rep1 = stack.report().getJson("/api/v1/drill/cohort-sales?" + NOVEMBER + "&repId=rep-1");
            List<String> sales = new ArrayList<>();
            rep1.get("rows").forEach(sale -> sales.add(sale.get("orderId").asString() + " " + scaled(sale.get("amount"), 2)
                    + " " + sale.get("currency").asString()));
            assertThat(sales).containsExactlyInAnyOrder("o-13a 1000.00 CNY", "o-13b 200.00 USD");
            assertThat(total("/api/v1/drill/cohort-sales?" + NOVEMBER + "&repId=rep-1&currency=CNY")).isEqualTo(1);
            assertThat(total("/api/v1/drill/cohort-sales?" + NOVEMBER + "&repId=rep-2")).isEqualTo(1);
            // c99's June sale belongs to no cohort customer
            assertThat(total("/api/v1/drill/cohort-sales?" + NOVEMBER)).isEqualTo(3);
        }

        @Test
        void shouldListTheWonCustomersSalesBehindTheVelocitysAverageDealAndItsWonCustomersCycleDays() {
            JsonNode velocity = stack.report().getJson("/api/v1/reports/velocity?" + NOVEMBER);
            // the won c10 (no sale), c13 (1,000 CNY and 200 USD) and c14 (3,000 CNY): CNY 4,000 over 2 customers
            JsonNode cny = stack.report().getJson("/api/v1/drill/won-sales?" + NOVEMBER + "&currency=CNY");
            assertThat(cny.get("total").asLong()).isEqualTo(2);
            java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
            java.util.Set<String> buyers = new java.util.HashSet<>();
            for (JsonNode sale : cny.get("rows")) {
                sum = sum.add(sale.get("amount").decimalValue());
                buyers.add(sale.get("customerId").asString());
            }
            JsonNode cnyDeal = velocity.get("byCurrency").get(0);
            assertThat(cnyDeal.get("currency").asString()).isEqualTo("CNY");
            assertThat(sum).isEqualByComparingTo(cnyDeal.get("revenue").decimalValue()).isEqualByComparingTo("4000");
            assertThat(buyers).hasSize(cnyDeal.get("wonWithSale").asInt()).containsExactlyInAnyOrder("c13", "c14");
            assertThat(total("/api/v1/drill/won-sales?" + NOVEMBER)).isEqualTo(3);
            // west won nothing: no sales behind its (absent) average deal
            assertThat(total("/api/v1/drill/won-sales?" + NOVEMBER + "&teamId=west")).isZero();
            // the cycle days 31 / 3: the won customers' list, 20 + 10 + 1 days
            JsonNode won = stack.report().getJson("/api/v1/reports/cycle-length/customers?" + NOVEMBER + "&outcome=won");
            long days = 0;
            for (JsonNode customer : won.get("rows")) {
                days += customer.get("days").asLong();
            }
            assertThat(won.get("rows")).hasSize(velocity.get("won").asInt());
            assertThat(days).isEqualTo(31);
        }

        @Test
        void shouldListTheStageChangesBehindEachTransitionCount() {
            String moves = "/api/v1/drill/stage-transitions?" + NOVEMBER;
            // LEAD>LOST: c2 c5 c6 c7 c8 c11 (c9's is outside the cohort)
            assertThat(customers(stack.report().getJson(moves + "&fromStage=LEAD&toStage=LOST")))
                    .containsExactly("c2", "c5", "c6", "c7", "c8", "c11");
            // LEAD>PROPOSAL: c14 (11-05), c3 (11-07), c12 (11-23); PROPOSAL>LOST c3 c12; LEAD>WON c13 c10
            assertThat(customers(stack.report().getJson(moves + "&fromStage=lead&toStage=PROPOSAL")))
                    .containsExactly("c14", "c3", "c12");
            assertThat(total(moves + "&fromStage=PROPOSAL&toStage=LOST")).isEqualTo(2);
            assertThat(customers(stack.report().getJson(moves + "&fromStage=LEAD&toStage=WON"))).containsExactly("c13", "c10");
            // the one move back: c8 revived from LOST to QUALIFIED on 11-19
            JsonNode back = stack.report().getJson(moves + "&fromStage=LOST&toStage=QUALIFIED");
            assertThat(back.get("total").asLong()).isEqualTo(1);
            assertThat(back.get("rows").get(0).get("customerId").asString()).isEqualTo("c8");
            assertThat(back.get("rows").get(0).get("occurredAt").asString()).startsWith("2026-11-19T02:00");
            // c17's LEAD, LEAD is no move; nobody went QUALIFIED>PROPOSAL
            assertThat(total(moves + "&fromStage=LEAD&toStage=LEAD")).isZero();
            assertThat(total(moves + "&fromStage=QUALIFIED&toStage=PROPOSAL")).isZero();
            // owner team west: c12's LEAD>PROPOSAL, c5's LEAD>LOST
            assertThat(customers(stack.report().getJson(moves + "&fromStage=LEAD&toStage=PROPOSAL&teamId=west")))
                    .containsExactly("c12");
            assertThat(customers(stack.report().getJson(moves + "&fromStage=LEAD&toStage=LOST&teamId=west")))
                    .containsExactly("c5");
        }

        @Test
        void shouldListTheCustomersBehindEachStagesTimeInStageLongestFirst() throws IOException {
            String times = "/api/v1/drill/time-in-stage?" + NOVEMBER;
            // LEAD then a later stage: c13 10 days, c1 3 (to QUOTE), c12 3, c8 2 (to QUALIFIED past its loss), c14 2,
            // c3 1, c10 1; c2 c5 c6 c7 c11 went to LOST only (order 0), c17 stayed
            JsonNode lead = stack.report().getJson(times + "&stage=LEAD");
            assertThat(lead.get("total").asLong()).isEqualTo(7);
            assertThat(customers(lead)).containsExactly("c13", "c1", "c12", "c14", "c8", "c10", "c3");
            List<Long> days = new ArrayList<>();
            lead.get("rows").forEach(row -> days.add(row.get("days").asLong()));
            assertThat(days).containsExactly(10L, 3L, 3L, 2L, 2L, 1L, 1L);
            // PROPOSAL: only c14 moved on (to WON after 18 days); QUALIFIED and QUOTE: nobody moved on; LOST has none
            JsonNode proposal = stack.report().getJson(times + "&stage=PROPOSAL");
            assertThat(customers(proposal)).containsExactly("c14");
            assertThat(proposal.get("rows").get(0).get("days").asLong()).isEqualTo(18);
            assertThat(total(times + "&stage=QUALIFIED")).isZero();
            assertThat(total(times + "&stage=QUOTE")).isZero();
            assertThat(total(times + "&stage=LOST")).isZero();
            assertThat(customers(stack.report().getJson(times + "&stage=LEAD&teamId=west"))).containsExactly("c12");
            String csv = csv(download(stack.report(), "/api/v1/exports/drill/time-in-stage?format=csv&" + NOVEMBER
                    + "&stage=LEAD"));
            List<Row> xlsx = Downloads.sheet(download(stack.report(), "/api/v1/exports/drill/stage-transitions?format=xlsx&"
                    + NOVEMBER + "&fromStage=LEAD&toStage=LOST").body());
            assertThat(csv.split("\r\n")).hasSize(1 + 7);
            assertThat(csv).startsWith("customer_id,customer_name,owner_rep,owner_team,stage,entered_at,left_at,days\r\nc13,");
            assertThat(xlsx).hasSize(1 + 6);
            assertThat(queryRows(stack.jdbcUrl(), "select target from audit_log where action in ('export.drill-time-in-stage', "
                    + "'export.drill-stage-transitions') order by audit_id")).containsExactly(
                    "drill-time-in-stage_2026-11-01_2026-11-30_LEAD.csv",
                    "drill-stage-transitions_2026-11-01_2026-11-30_LEAD_LOST.xlsx");
        }

        @Test
        void shouldRefuseAStageChangeOrTimeInStageWithoutAPipelineStage() {
            for (String query : List.of("fromStage=LEAD", "toStage=LOST", "fromStage=NOPE&toStage=LOST",
                    "fromStage=LEAD&toStage=LOST&limit=0")) {
                var answer = stack.report().get("/api/v1/drill/stage-transitions?" + NOVEMBER + "&" + query);
                assertThat(answer.statusCode()).as(query).isEqualTo(400);
            }
            assertThat(stack.report().get("/api/v1/drill/time-in-stage?" + NOVEMBER).statusCode()).isEqualTo(400);
            assertThat(stack.report().get("/api/v1/drill/time-in-stage?" + NOVEMBER + "&stage=NOPE").statusCode()).isEqualTo(400);
        }

        @Test
        void shouldExportEachListWholeWithABomAndFormulaSafeText() throws IOException {
            String csv = csv(download(stack.report(), "/api/v1/exports/drill/follow-ups?format=csv&" + NOVEMBER));
            List<Row> xlsx = Downloads.sheet(download(stack.report(), "/api/v1/exports/drill/funnel?format=xlsx&" + NOVEMBER
                    + "&stage=QUOTE").body());
            String june = csv(download(stack.report(), "/api/v1/exports/drill/sales?format=csv&from=2026-06-01&to=2026-06-30"));

            assertThat(csv.split("\r\n")).hasSize(1 + 36);
            assertThat(csv).startsWith("event_id,customer_id,customer_name,rep_id,team_id,occurred_at,channel,stage\r\n");
            assertThat(xlsx).hasSize(1 + 5);
            assertThat(xlsx.get(0).getCellText(0)).isEqualTo("customer_id");
            assertThat(june.split("\r\n")[1]).startsWith("o-99,c99,rep-7,,'=1+1,5.0000,CNY,");
            assertThat(queryRows(stack.jdbcUrl(), "select target from audit_log where action in ('export.drill-follow-ups', "
                    + "'export.drill-funnel', 'export.drill-sales') order by audit_id"))
                    .containsExactly("drill-follow-ups_2026-11-01_2026-11-30.csv",
                            "drill-funnel_2026-11-01_2026-11-30_reached_QUOTE.xlsx",
                            "drill-sales_2026-06-01_2026-06-30.csv");
        }

        @Test
        void shouldExportTheCycleAndForecastReportsAsTheyAnswer() throws IOException {
            String cycle = csv(download(stack.report(), "/api/v1/exports/cycle-length?format=csv&" + NOVEMBER));
            List<Row> forecast = Downloads.sheet(download(stack.report(), "/api/v1/exports/forecast?format=xlsx&from=2026-12-01"
                    + "&to=2027-02-28&asOf=2026-11-30&months=12").body());
            String activity = csv(download(stack.report(), "/api/v1/exports/rep-activity?format=csv&" + NOVEMBER));
            String stale = csv(download(stack.report(), "/api/v1/exports/stale-customers?format=csv"));

            // the report's two rows: won [1, 10, 20], lost [1, 1, 1, 1, 2, 2, 3, 4, 8]
            assertThat(cycle).isEqualTo(lines(
                    "group,outcome,customers,median_days,average_days,days_0_7,days_8_14,days_15_30,days_31_60,days_61_90,"
                            + "days_over_90",
                    ",WON,3,10,10.33,1,1,1,0,0,0", ",LOST,9,2,2.56,8,1,0,0,0,0"));
            int forecastRows = stack.report().getJson("/api/v1/reports/forecast?from=2026-12-01&to=2027-02-28&asOf=2026-11-30"
                    + "&months=12").get("rows").size();
            assertThat(forecastRows).isPositive();
            assertThat(forecast).hasSize(1 + forecastRows);
            // no processor here: no activity rows and no alerts, the header alone
            assertThat(activity).startsWith("rep_id,team_id,bucket,period_start,period_end,follow_ups,customers,phone");
            assertThat(activity.split("\r\n")).hasSize(1);
            assertThat(stale.split("\r\n")).hasSize(1);
            assertThat(queryLong(stack.jdbcUrl(), "select count(*) from audit_log where action in ('export.cycle-length', "
                    + "'export.forecast', 'export.rep-activity', 'export.stale-customers')")).isEqualTo(4);
        }

        @Test
        void shouldRefuseAnUnknownStageMeasureOrPage() {
            for (String query : List.of("stage=NOPE", "measure=most", "measure=reached", "offset=-1", "limit=0",
                    "limit=1001")) {
                var answer = stack.report().get("/api/v1/drill/funnel?" + NOVEMBER + "&" + query);
                assertThat(answer.statusCode()).as(query).isEqualTo(400);
            }
            assertThat(stack.report().get("/api/v1/exports/drill/sales?format=pdf&" + NOVEMBER).statusCode()).isEqualTo(400);
        }

        private static long total(String path) {
            return stack.report().getJson(path).get("total").asLong();
        }
    }

    @Nested
    class Forecast {

        private static final String HISTORY = "asOf=2026-11-30&months=12";

        @Test
        void shouldLearnEachOpenStagesProbabilityFromTheCustomersWhoReachedIt() {
            JsonNode rows = stack.report().getJson("/api/v1/reports/forecast/stage-probabilities?" + HISTORY).get("rows");

            assertThat(probabilities(rows)).containsExactly("LEAD 3/17 0.1765", "QUALIFIED 3/10 0.3000",
                    "PROPOSAL 3/8 0.3750", "QUOTE 3/5 0.6000", "CONTRACT 3/3 1.0000");
            // nothing is configured here: the configured probability is absent beside the learned one
            assertThat(rows.get(0).get("configured").isNull()).isTrue();
            // a window that ended before anyone was followed up learns nothing
            assertThat(probabilities(stack.report().getJson("/api/v1/reports/forecast/stage-probabilities?asOf=2026-10-01&months=1")
                    .get("rows"))).containsExactly("LEAD 0/0 -", "QUALIFIED 0/0 -", "PROPOSAL 0/0 -", "QUOTE 0/0 -",
                    "CONTRACT 0/0 -");
        }

        @Test
        void shouldListTheCustomersBehindEachStageProbabilityRowAsManyAsItCounts() throws IOException {
            String path = "/api/v1/reports/forecast/stage-probabilities/customers?" + HISTORY;
            // QUALIFIED 3 of 10, skipped stages counting as reached: the 10, and the won c10 c13 c14
            assertThat(customers(stack.report().getJson(path + "&stage=QUALIFIED"))).containsExactlyInAnyOrder(
                    "c1", "c3", "c4", "c8", "c10", "c12", "c13", "c14", "c15", "c16");
            assertThat(customers(stack.report().getJson(path + "&stage=qualified&count=won")))
                    .containsExactlyInAnyOrder("c10", "c13", "c14");
            // every row of the table: as many customers as it counts, reached and won
            for (JsonNode row : stack.report().getJson("/api/v1/reports/forecast/stage-probabilities?" + HISTORY).get("rows")) {
                String stage = row.get("stage").asString();
                assertThat(stack.report().getJson(path + "&stage=" + stage).get("rows")).as(stage)
                        .hasSize(row.get("reached").asInt());
                assertThat(stack.report().getJson(path + "&stage=" + stage + "&count=won").get("rows")).as(stage)
                        .hasSize(row.get("won").asInt());
            }
            // owner team west: c4 c12 c15 reached QUALIFIED, none won
            assertThat(customers(stack.report().getJson(path + "&stage=QUALIFIED&teamId=west")))
                    .containsExactlyInAnyOrder("c4", "c12", "c15");
            // WON and LOST have no probability row; a stage is required
            for (String query : List.of("&stage=WON", "&stage=LOST", "", "&stage=QUOTE&count=lost")) {
                assertThat(stack.report().get(path + query).statusCode()).as(query).isEqualTo(400);
            }
            String csv = csv(download(stack.report(), "/api/v1/exports/forecast/stage-probabilities/customers?format=csv&"
                    + HISTORY + "&stage=QUOTE"));
            assertThat(csv.split("\r\n")).hasSize(1 + 5);
            assertThat(queryRows(stack.jdbcUrl(), "select target from audit_log where action = 'export.forecast-stage-customers'"))
                    .containsExactly("forecast-stage-customers_2026-11-30_QUOTE_reached.csv");
        }

        @Test
        void shouldWeighOpenCustomersLatestExpectedAmountsByMonthOfExpectedClose() {
            // c15 QUOTE 10,000 x 0.6 = 6,000; c16 PROPOSAL 5,000 x 0.375 = 1,875; c8 QUALIFIED 2,000 USD x 0.3 = 600;
            // c17's latest close date (2027-02-01) is after the range; c14 is won
            JsonNode forecast = stack.report().getJson("/api/v1/reports/forecast?from=2026-12-01&to=2027-01-31&" + HISTORY);

            assertThat(forecastRows(forecast)).containsExactly("2026-12 - CNY 2 15000.00 7875.00",
                    "2027-01 - USD 1 2000.00 600.00");
            assertThat(forecastRows(stack.report().getJson("/api/v1/reports/forecast?from=2026-12-01&to=2027-02-28&groupBy=rep&"
                    + HISTORY))).containsExactly("2026-12 rep-1 CNY 1 5000.00 1875.00", "2026-12 rep-3 CNY 1 10000.00 6000.00",
                    "2027-01 rep-1 USD 1 2000.00 600.00", "2027-02 rep-2 CNY 1 9000.00 1588.50");
        }

        @Test
        void shouldListTheOpenCustomersBehindAForecastRow() {
            JsonNode customers = stack.report().getJson("/api/v1/reports/forecast/customers?from=2026-12-01&to=2027-01-31&month=2026-12"
                    + "&currency=CNY&" + HISTORY);

            assertThat(customers(customers)).containsExactly("c15", "c16");
            assertThat(scaled(customers.get("rows").get(0).get("weighted"), 2)).isEqualTo("6000.00");
            assertThat(scaled(customers.get("rows").get(1).get("probability"), 4)).isEqualTo("0.3750");
        }

        @Test
        void shouldKeepOneSnapshotADayAndShowHowAMonthsForecastMovedBesideWhatWasWon() throws Exception {
            // the snapshot of 2026-11-30: per month, rep, team and currency for twelve months, taken once
            assertThat(takeSnapshot("2026-11-30")).isEqualTo(4);
            assertThat(takeSnapshot("2026-11-30")).isZero();
            assertThat(queryRows(stack.jdbcUrl(), "select close_month, rep_id, team_id, currency, customers, pipeline, weighted"
                    + " from forecast_snapshot order by close_month, rep_id")).containsExactly(
                    "2026-12 | rep-1 | east | CNY | 1 | 5000.00 | 1875.00", "2026-12 | rep-3 | west | CNY | 1 | 10000.00 | 6000.00",
                    "2027-01 | rep-1 | east | USD | 1 | 2000.00 | 600.00", "2027-02 | rep-2 | east | CNY | 1 | 9000.00 | 1588.50");

            JsonNode december = stack.report().getJson("/api/v1/reports/forecast/history?month=2026-12");
            JsonNode point = december.get("points").get(0);
            assertThat(december.get("points")).hasSize(1);
            assertThat(point.get("day").asString() + " " + point.get("currency").asString() + " "
                    + point.get("customers").asLong() + " " + scaled(point.get("weighted"), 2)).isEqualTo("2026-11-30 CNY 2 7875.00");
            assertThat(stack.report().getJson("/api/v1/reports/forecast/history?month=2026-12&teamId=west").get("points").get(0)
                    .get("weighted").decimalValue()).isEqualByComparingTo("6000");
            // November is over: what was won in it, per currency (c13's two sales, c14's)
            JsonNode november = stack.report().getJson("/api/v1/reports/forecast/history?month=2026-11");
            assertThat(november.get("points")).isEmpty();
            assertThat(scaled(november.get("wonByCurrency").get("CNY"), 2)).isEqualTo("4000.00");
            assertThat(scaled(november.get("wonByCurrency").get("USD"), 2)).isEqualTo("200.00");
        }

        private static int takeSnapshot(String day) throws Exception {
            var response = java.net.http.HttpClient.newHttpClient().send(RunningReport.authorized(java.net.http.HttpRequest
                            .newBuilder(stack.report().uri("/api/v1/admin/forecast-snapshots?day=" + day)))
                            .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return json(response.body()).get("rows").asInt();
        }

        private static List<String> probabilities(JsonNode rows) {
            List<String> out = new ArrayList<>();
            for (JsonNode row : rows) {
                out.add(row.get("stage").asString() + " " + row.get("won").asLong() + "/" + row.get("reached").asLong() + " "
                        + (row.get("learned").isNull() ? "-" : scaled(row.get("learned"), 4)));
            }
            return out;
        }

        private static List<String> forecastRows(JsonNode forecast) {
            List<String> out = new ArrayList<>();
            for (JsonNode row : forecast.get("rows")) {
                out.add(row.get("month").asString() + " " + (row.get("group").isNull() ? "-" : row.get("group").asString())
                        + " " + row.get("currency").asString() + " " + row.get("customers").asLong() + " "
                        + scaled(row.get("pipeline"), 2) + " " + scaled(row.get("weighted"), 2));
            }
            return out;
        }
    }

    static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    static List<String> customers(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.get("rows").forEach(row -> ids.add(row.get("customerId").asString()));
        return ids;
    }

    /** The rep's expected deal on the follow-up seeded last. */
    private static void deal(String amount, String currency, String closeDate) {
        seeded.getLast().put("expectedAmount", amount).put("expectedCurrency", currency).put("expectedCloseDate", closeDate);
    }

    /** A follow-up at 10:00 Shanghai time on 2026-{@code monthDay}; a LOST one carries its reason. */
    private static void f(String customer, String rep, String team, String source, String monthDay, String stage,
                          String lostReason) {
        ObjectNode followUp = Samples.followUp(customer).put("repId", rep).put("teamId", team)
                .put("occurredAt", "2026-" + monthDay + "T10:00:00+08:00").put("stage", stage)
                .put("content", "跟进 " + stage);
        if (source != null) {
            followUp.put("source", source);
        }
        if (lostReason != null) {
            followUp.put("lostReason", lostReason);
        }
        seeded.add(followUp);
    }

    private static void send(String topic, ObjectNode event) {
        try {
            stack.producer().send(new ProducerRecord<>(topic, event.get("customerId").asString(),
                    Json.MAPPER.writeValueAsBytes(event))).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("send failed", e);
        }
    }
}
