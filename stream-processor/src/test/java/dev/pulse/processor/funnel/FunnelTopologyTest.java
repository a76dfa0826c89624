package dev.pulse.processor.funnel;

import static dev.pulse.processor.PulseDriverExtension.SHANGHAI;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.events.Json;
import dev.pulse.events.Pipeline;
import dev.pulse.events.funnel.FunnelCell;
import dev.pulse.processor.PulseDriverExtension;
import dev.pulse.processor.TestSales;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * DESIGN.md definition 2 (stage funnel and conversion) through the very topology the service runs:
 * raw JSON bytes in on followups and sales, signed {@link FunnelCell} changes out on pulse-changes,
 * folded into cells keyed by cohort day, owner rep, team and source as the projector adds them
 * ({@link dev.pulse.processor.FoldedChanges}). Each test reads the latest cell per key and compares whole
 * cells with ones written out by hand; follow-up times are written in Shanghai time, the reporting
 * time zone, so cohort days and whole days in a stage can be read off them.
 */
class FunnelTopologyTest {

    /** The validators' clock: after every event below, so none of them is "in the future". */
    private static final Instant VALIDATION_NOW = Instant.parse("2027-01-01T00:00:00Z");
    private static final Instant WALL_CLOCK = Instant.parse("2026-12-01T00:00:00Z");

    @RegisterExtension
    final PulseDriverExtension pulse = new PulseDriverExtension(VALIDATION_NOW, WALL_CLOCK);

    /** Each customer gets its own phone, so the duplicate-customer check stays quiet. */
    private final Map<String, String> phones = new HashMap<>();
    /** Every cell read so far, the latest per key, keyed "cohortDay|rep|team|source". */
    private final Map<String, FunnelCell> latest = new HashMap<>();

    // --- reached, current and transitions ------------------------------------------------------

    @Test
    void shouldCountSkippedStagesAsReached() {
        // given: a lead on Tue 11-03
        send(followUp("C-1", "LEAD", "2026-11-03T09:00"));

        // when: two days later it signs a contract, skipping QUALIFIED, PROPOSAL and QUOTE
        send(followUp("C-1", "CONTRACT", "2026-11-05T09:00"));

        // then: every stage up to CONTRACT is reached once; one move LEAD>CONTRACT; the lead took
        // exactly 2 days (09:00 to 09:00) to reach a later stage; the skipped stages have no time
        assertOnlyCells(new FunnelCell(nov(3), "R-7", "T-EAST", null, 1,
                Map.of("LEAD", 1L, "QUALIFIED", 1L, "PROPOSAL", 1L, "QUOTE", 1L, "CONTRACT", 1L),
                Map.of("CONTRACT", 1L),
                Map.of("LEAD>CONTRACT", 1L),
                Map.of("LEAD", Map.of("2", 1L)),
                0, Map.of()));
    }

    @Test
    void shouldKeepTheFurthestStageReachedAfterABackwardMove() {
        // given: a customer already at QUOTE
        send(followUp("C-1", "QUOTE", "2026-11-03T09:00"));

        // when: the next day the quote is withdrawn and the proposal reworked
        send(followUp("C-1", "PROPOSAL", "2026-11-04T09:00"));

        // then: LEAD..QUOTE stay reached, the customer is now at PROPOSAL, the backward move is
        // counted; no stage was left for a later-ordered one, so no time in stage
        assertOnlyCells(new FunnelCell(nov(3), "R-7", "T-EAST", null, 1,
                Map.of("LEAD", 1L, "QUALIFIED", 1L, "PROPOSAL", 1L, "QUOTE", 1L),
                Map.of("PROPOSAL", 1L),
                Map.of("QUOTE>PROPOSAL", 1L),
                Map.of(),
                0, Map.of()));
    }

    @Test
    void shouldCountLostFromAnyStageWithoutUnreachingEarlierStages() {
        // given: three customers of 11-03, at LEAD, QUOTE and CONTRACT
        send(followUp("C-1", "LEAD", "2026-11-03T09:00"),
                followUp("C-2", "QUOTE", "2026-11-03T10:00"),
                followUp("C-3", "CONTRACT", "2026-11-03T11:00"));

        // when: each of them is lost a few days later
        send(followUp("C-1", "LOST", "2026-11-04T09:00"),
                followUp("C-2", "LOST", "2026-11-05T10:00"),
                followUp("C-3", "LOST", "2026-11-06T11:00"));

        // then: LEAD reached by 3; QUALIFIED..QUOTE by C-2 and C-3; CONTRACT by C-3 alone; LOST by
        // all 3, who are all at LOST now; one move to LOST from each stage; LOST is no later stage,
        // so nobody has time in stage
        assertOnlyCells(new FunnelCell(nov(3), "R-7", "T-EAST", null, 3,
                Map.of("LEAD", 3L, "QUALIFIED", 2L, "PROPOSAL", 2L, "QUOTE", 2L, "CONTRACT", 1L, "LOST", 3L),
                Map.of("LOST", 3L),
                Map.of("LEAD>LOST", 1L, "QUOTE>LOST", 1L, "CONTRACT>LOST", 1L),
                Map.of(),
                0, Map.of()));
    }

    @Test
    void shouldNotCountAFollowUpThatKeepsTheStageAsATransition() {
        // given: a lead on 11-01, called again as a lead on 11-02
        send(followUp("C-1", "LEAD", "2026-11-01T09:00"),
                followUp("C-1", "LEAD", "2026-11-02T15:00"));

        // when: qualified on 11-04
        send(followUp("C-1", "QUALIFIED", "2026-11-04T10:00"));

        // then: one transition, not two; time in LEAD runs from the first LEAD (11-01 09:00) to
        // 11-04 10:00, 3 days 1 hour: 3 whole days
        assertOnlyCells(new FunnelCell(nov(1), "R-7", "T-EAST", null, 1,
                Map.of("LEAD", 1L, "QUALIFIED", 1L),
                Map.of("QUALIFIED", 1L),
                Map.of("LEAD>QUALIFIED", 1L),
                Map.of("LEAD", Map.of("3", 1L)),
                0, Map.of()));
    }

    // --- event time, not arrival -------------------------------------------------------------

    @ParameterizedTest(name = "later follow-up arrives first: {0}")
    @ValueSource(booleans = {false, true})
    void shouldGiveTheSameCellWhicheverOrderTheFollowUpsArriveIn(boolean laterArrivesFirst) {
        // given: a LEAD on day 1 (11-01) and a PROPOSAL on day 5 (11-05), both at 10:00
        ObjectNode lead = followUp("C-1", "LEAD", "2026-11-01T10:00");
        ObjectNode proposal = followUp("C-1", "PROPOSAL", "2026-11-05T10:00");

        // when
        if (laterArrivesFirst) {
            send(proposal);
            send(lead);
        } else {
            send(lead);
            send(proposal);
        }

        // then: cohort day 1, now at PROPOSAL, one move LEAD>PROPOSAL, 4 days in LEAD
        FunnelCell atProposal = new FunnelCell(nov(1), "R-7", "T-EAST", null, 1,
                Map.of("LEAD", 1L, "QUALIFIED", 1L, "PROPOSAL", 1L),
                Map.of("PROPOSAL", 1L),
                Map.of("LEAD>PROPOSAL", 1L),
                Map.of("LEAD", Map.of("4", 1L)),
                0, Map.of());
        // and the day-5 cohort the customer sat in until the LEAD arrived is left with no customer
        if (laterArrivesFirst) {
            assertOnlyCells(atProposal, noCustomers(nov(5), "R-7", "T-EAST", null));
        } else {
            assertOnlyCells(atProposal);
        }
    }

    // --- cells: owner, cohort, source ---------------------------------------------------------

    @Test
    void shouldMoveTheCustomerToTheCellOfItsNewOwner() {
        // given: R-A of T-EAST qualifies C-1 on 11-03, and C-1 buys for 5000.00 on 11-04
        send(followUp("C-1", "R-A", "T-EAST", "QUALIFIED", "2026-11-03T10:00"));
        send(sale("SO-1", "C-1", "5000.00", "2026-11-04T10:00"));

        // when: R-B of the same team follows C-1 up with a proposal on 11-06
        send(followUp("C-1", "R-B", "T-EAST", "PROPOSAL", "2026-11-06T10:00"));

        // then: R-A's cell is left empty; R-B's cell holds C-1 with its whole history and its sale
        // (QUALIFIED 11-03 10:00 to PROPOSAL 11-06 10:00 is 3 days); the cohort stays 11-03
        assertOnlyCells(noCustomers(nov(3), "R-A", "T-EAST", null),
                new FunnelCell(nov(3), "R-B", "T-EAST", null, 1,
                        Map.of("LEAD", 1L, "QUALIFIED", 1L, "PROPOSAL", 1L),
                        Map.of("PROPOSAL", 1L),
                        Map.of("QUALIFIED>PROPOSAL", 1L),
                        Map.of("QUALIFIED", Map.of("3", 1L)),
                        1, cny("5000.00")));
    }

    @Test
    void shouldCutCohortDaysAtMidnightInShanghai() {
        // given / when: 15:59Z is 23:59 on 11-03 in Shanghai (UTC+8); 16:00Z is 00:00 on 11-04
        send(followUpAt("C-1", "LEAD", Instant.parse("2026-11-03T15:59:00Z")));
        send(followUpAt("C-2", "LEAD", Instant.parse("2026-11-03T16:00:00Z")));

        // then: one customer in each cohort, though both are on 11-03 in UTC
        assertOnlyCells(new FunnelCell(nov(3), "R-7", "T-EAST", null, 1,
                Map.of("LEAD", 1L), Map.of("LEAD", 1L), Map.of(), Map.of(), 0, Map.of()),
                new FunnelCell(nov(4), "R-7", "T-EAST", null, 1,
                Map.of("LEAD", 1L), Map.of("LEAD", 1L), Map.of(), Map.of(), 0, Map.of()));
    }

    @Test
    void shouldTakeTheSourceOfTheFirstFollowUpThatNamesOne() {
        // given: a first contact that names no source, then one from a trade show
        send(followUp("C-1", "LEAD", "2026-11-03T09:00"),
                followUp("C-1", "QUALIFIED", "2026-11-04T09:00").put("source", "展会"));

        // when: a later follow-up names the website
        send(followUp("C-1", "PROPOSAL", "2026-11-05T09:00").put("source", "官网"));

        // then: the customer stays in the trade-show cell; the cell it had without a source is empty
        assertOnlyCells(noCustomers(nov(3), "R-7", "T-EAST", null),
                new FunnelCell(nov(3), "R-7", "T-EAST", "展会", 1,
                        Map.of("LEAD", 1L, "QUALIFIED", 1L, "PROPOSAL", 1L),
                        Map.of("PROPOSAL", 1L),
                        Map.of("LEAD>QUALIFIED", 1L, "QUALIFIED>PROPOSAL", 1L),
                        Map.of("LEAD", Map.of("1", 1L), "QUALIFIED", Map.of("1", 1L)),
                        0, Map.of()));
    }

    // --- time in stage ------------------------------------------------------------------------

    /** Time in stage, from C-1: a LEAD on day 0 (11-02 09:00), QUALIFIED on day 3 at 14:00, 3 days 5 hours later. */
    @Nested
    class TimeInStage {

        @BeforeEach
        void c1QualifiedThreeDaysFiveHoursAfterItsLead() {
            send(followUp("C-1", "LEAD", "2026-11-02T09:00"),
                    followUp("C-1", "QUALIFIED", "2026-11-05T14:00"));
        }

        @Test
        void shouldCountWholeDaysFromEnteringAStageToEnteringALaterOne() {
            // when: WON on day 10 at 16:00
            send(followUp("C-1", "WON", "2026-11-12T16:00"));

            // then: LEAD 3 days 5 hours -> 3; QUALIFIED 7 days 2 hours -> 7; WON is never left
            assertOnlyCells(new FunnelCell(nov(2), "R-7", "T-EAST", null, 1,
                    Map.of("LEAD", 1L, "QUALIFIED", 1L, "PROPOSAL", 1L, "QUOTE", 1L, "CONTRACT", 1L, "WON", 1L),
                    Map.of("WON", 1L),
                    Map.of("LEAD>QUALIFIED", 1L, "QUALIFIED>WON", 1L),
                    Map.of("LEAD", Map.of("3", 1L), "QUALIFIED", Map.of("7", 1L)),
                    0, Map.of()));
        }

        @Test
        void shouldKeepTimeInStageAsAHistogramOfTheCellsCustomers() {
            // when: C-2 leaves LEAD after 1 day 23 hours, and C-3 after 3 days exactly
            send(followUp("C-2", "LEAD", "2026-11-02T10:00"),
                    followUp("C-2", "QUALIFIED", "2026-11-04T09:00"),
                    followUp("C-3", "LEAD", "2026-11-02T11:00"),
                    followUp("C-3", "QUALIFIED", "2026-11-05T11:00"));

            // then: LEAD days 1 once and 3 twice
            assertOnlyCells(new FunnelCell(nov(2), "R-7", "T-EAST", null, 3,
                    Map.of("LEAD", 3L, "QUALIFIED", 3L),
                    Map.of("QUALIFIED", 3L),
                    Map.of("LEAD>QUALIFIED", 3L),
                    Map.of("LEAD", Map.of("1", 1L, "3", 2L)),
                    0, Map.of()));
        }
    }

    // --- sales --------------------------------------------------------------------------------

    @Test
    void shouldAddASaleToTheCustomersCell() {
        // given
        send(followUp("C-1", "CONTRACT", "2026-11-03T09:00"));

        // when
        send(sale("SO-1", "C-1", "12800.50", "2026-11-04T09:00"));

        // then
        assertOnlyCells(contractOfNov3WithSales(cny("12800.50")));
    }

    @Test
    void shouldCountACustomerWithTwoSalesOnceAndARetriedSaleNotAtAll() {
        // given
        send(followUp("C-1", "CONTRACT", "2026-11-03T09:00"));
        String first = sale("SO-1", "C-1", "12800.50", "2026-11-04T09:00");

        // when: two orders, and the client retries the first with its eventId
        send(first);
        send(sale("SO-2", "C-1", "199.50", "2026-11-05T09:00"));
        send(first);

        // then: one customer with a sale; 12800.50 + 199.50 = 13000.00
        assertOnlyCells(contractOfNov3WithSales(cny("13000.00")));
    }

    @Test
    void shouldCountAnOrderOnceWhenItIsSentAgainUnderANewEventId() {
        // given: order SO-1 of 12800.50, as first imported
        send(followUp("C-1", "CONTRACT", "2026-11-03T09:00"));
        send(sale("SO-1", "C-1", "12800.50", "2026-11-04T09:00"));

        // when: the same sales sheet is imported again, and ingest gives the row a new eventId
        send(sale("SO-1", "C-1", "12800.50", "2026-11-04T09:00"));

        // then: orderId is unique (DESIGN.md "Events"), so it is still one deal of 12800.50, as the
        // read model's sale facts keep it (a repeated orderId is skipped there)
        assertOnlyCells(contractOfNov3WithSales(cny("12800.50")));
    }

    @Test
    void shouldPlaceNothingForASaleOfACustomerWithNoFollowUpYet() {
        // given: C-2 exists only in the sales sheet so far
        // when
        send(sale("SO-9", "C-2", "12800.50", "2026-11-04T09:00"));

        // then
        assertThat(cells()).isEmpty();

        // and once C-2 is followed up, its earlier sale counts in its cell: arrival order changes nothing
        send(followUp("C-2", "QUALIFIED", "2026-11-03T09:00"));
        assertOnlyCells(new FunnelCell(nov(3), "R-7", "T-EAST", null, 1,
                Map.of("LEAD", 1L, "QUALIFIED", 1L),
                Map.of("QUALIFIED", 1L),
                Map.of(),
                Map.of(),
                1, cny("12800.50")));
    }

    @Test
    void shouldKeepRevenueOfEachCurrencyApartAndMoveItWithTheCustomer() {
        // given: one customer with sales in yuan and in dollars, the dollar order sent again
        send(followUp("C-1", "CONTRACT", "2026-11-03T09:00"));
        send(sale("SO-1", "C-1", "12000.00", "CNY", "2026-11-04T09:00"));
        send(sale("SO-2", "C-1", "450.00", "usd", "2026-11-04T10:00"));
        send(sale("SO-3", "C-1", "300.00", "CNY", "2026-11-05T09:00"));
        send(sale("SO-2", "C-1", "450.00", "USD", "2026-11-04T10:00"));

        // when: another rep takes the customer over, so it moves to R-B's cell
        send(followUp("C-1", "R-B", "T-EAST", "CONTRACT", "2026-11-06T09:00"));

        // then: 12,000 + 300 = 12,300 CNY and 450 USD, never 12,750 of one currency; the old cell
        // gives back exactly what it held, per currency
        assertOnlyCells(noCustomers(nov(3), "R-7", "T-EAST", null),
                new FunnelCell(nov(3), "R-B", "T-EAST", null, 1,
                        Map.of("LEAD", 1L, "QUALIFIED", 1L, "PROPOSAL", 1L, "QUOTE", 1L, "CONTRACT", 1L),
                        Map.of("CONTRACT", 1L),
                        Map.of(),
                        Map.of(),
                        1, Map.of("CNY", new BigDecimal("12300.00"), "USD", new BigDecimal("450.00"))));
    }

    // --- helpers ------------------------------------------------------------------------------

    /**
     * Reads every cell published since the last read, keeps the latest per key, and re-keys them
     * as "cohortDay|rep|team|source" (absent parts empty) so expectations read easily. The topic key
     * is a JSON array of those parts and must name the cell's own fields.
     */
    private Map<String, FunnelCell> cells() {
        assertThat(pulse.driver().errors().readValuesToList()).as("every event sent is valid").isEmpty();
        pulse.driver().changes().funnel().readKeyValuesToMap().forEach((key, cell) -> {
            List<?> parts = Json.MAPPER.readValue(key, List.class);
            assertThat(parts).as("key of %s", cell).isEqualTo(Arrays.asList(String.valueOf(cell.cohortDay()),
                    cell.repId(), cell.teamId(), cell.source()));
            latest.put(readableKey(parts), cell);
        });
        return Map.copyOf(latest);
    }

    private static String readableKey(List<?> parts) {
        return parts.stream().map(part -> part == null ? "" : part.toString()).collect(Collectors.joining("|"));
    }

    /** The cells read so far are exactly these, each compared whole with {@link #assertCell}. */
    private void assertOnlyCells(FunnelCell... expected) {
        Map<String, FunnelCell> cells = cells();
        Map<String, FunnelCell> byKey = new HashMap<>();
        for (FunnelCell cell : expected) {
            String key = readableKey(Arrays.asList(cell.cohortDay(), cell.repId(), cell.teamId(), cell.source()));
            assertThat(byKey.put(key, cell)).as("expected twice: cell " + key).isNull();
        }
        assertThat(cells).containsOnlyKeys(byKey.keySet());
        byKey.forEach((key, cell) -> assertCell(cells.get(key), cell));
    }

    /**
     * Whole-cell comparison; revenue compares by value, since 5000.00 - 5000.00 is 0.00, as good a
     * zero as 0.
     */
    private static void assertCell(FunnelCell actual, FunnelCell expected) {
        assertThat(actual).isNotNull();
        assertThat(actual).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(expected);
    }

    /** A cohort day of November 2026. */
    private static LocalDate nov(int day) {
        return LocalDate.of(2026, 11, day);
    }

    /**
     * The cell of C-1, followed up first as a CONTRACT on 11-03 by R-7 (so LEAD..CONTRACT reached at
     * once, no move, no time in stage) and counted once as a customer with a sale.
     */
    private static FunnelCell contractOfNov3WithSales(Map<String, BigDecimal> revenue) {
        return new FunnelCell(nov(3), "R-7", "T-EAST", null, 1,
                Map.of("LEAD", 1L, "QUALIFIED", 1L, "PROPOSAL", 1L, "QUOTE", 1L, "CONTRACT", 1L),
                Map.of("CONTRACT", 1L), Map.of(), Map.of(), 1, revenue);
    }

    /** A cell every customer has left: it stays on the compacted topic with nothing in it. */
    private static FunnelCell noCustomers(LocalDate cohortDay, String repId, String teamId, String source) {
        return new FunnelCell(cohortDay, repId, teamId, source, 0, Map.of(), Map.of(), Map.of(), Map.of(), 0,
                Map.of());
    }

    private static Map<String, BigDecimal> cny(String amount) {
        return Map.of("CNY", new BigDecimal(amount));
    }

    /** Sends the follow-ups in this order, keyed by customerId as ingest writes them. */
    private void send(ObjectNode... followUps) {
        for (ObjectNode followUp : followUps) {
            pulse.driver().followups().pipeInput(followUp.get("customerId").asString(),
                    followUp.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Sales are keyed by customerId too, as ingest writes them. */
    private void send(String saleJson) {
        pulse.driver().sales().pipeInput(Json.MAPPER.readTree(saleJson).get("customerId").asString(),
                saleJson.getBytes(StandardCharsets.UTF_8));
    }

    /** A follow-up by R-7 of T-EAST at a Shanghai local time such as "2026-11-03T09:00". */
    private ObjectNode followUp(String customerId, String stage, String shanghaiTime) {
        return followUp(customerId, "R-7", "T-EAST", stage, shanghaiTime);
    }

    private ObjectNode followUp(String customerId, String repId, String teamId, String stage, String shanghaiTime) {
        return followUp(customerId, repId, teamId, stage, LocalDateTime.parse(shanghaiTime).atZone(SHANGHAI).toInstant());
    }

    private ObjectNode followUpAt(String customerId, String stage, Instant occurredAt) {
        return followUp(customerId, "R-7", "T-EAST", stage, occurredAt);
    }

    /**
     * A valid follow-up with a fresh eventId and no source. Its content names the stage and time, so
     * no two follow-ups below repeat each other (a duplicate entry is not counted).
     */
    private ObjectNode followUp(String customerId, String repId, String teamId, String stage, Instant occurredAt) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("eventId", UUID.randomUUID().toString());
        node.put("customerId", customerId);
        node.put("customerName", "客户" + customerId);
        node.put("phone", phones.computeIfAbsent(customerId, id -> "1390000%04d".formatted(phones.size())));
        node.put("repId", repId);
        node.put("teamId", teamId);
        node.put("occurredAt", occurredAt.toString());
        node.put("channel", "PHONE");
        node.put("content", "跟进：" + stage + " " + occurredAt);
        node.put("stage", stage);
        if (Pipeline.LOST.equals(stage)) {
            node.put("lostReason", "预算取消");
        }
        return node;
    }

    /** A valid sale with a fresh eventId, at a Shanghai local time, without a currency (so CNY). */
    private static String sale(String orderId, String customerId, String amount, String shanghaiTime) {
        return sale(orderId, customerId, amount, null, shanghaiTime);
    }

    private static String sale(String orderId, String customerId, String amount, String currency, String shanghaiTime) {
        ObjectNode node = TestSales.sale(orderId, customerId, amount,
                LocalDateTime.parse(shanghaiTime).atZone(SHANGHAI).toInstant().toString());
        if (currency != null) {
            node.put("currency", currency);
        }
        return node.toString();
    }
}
