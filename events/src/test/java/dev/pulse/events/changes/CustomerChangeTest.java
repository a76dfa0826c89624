package dev.pulse.events.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.pulse.events.JsonSerde;
import dev.pulse.events.activity.ActivityRow;
import dev.pulse.events.activity.ActivityScope;
import dev.pulse.events.activity.Granularity;
import dev.pulse.events.funnel.CustomerFunnel;
import dev.pulse.events.funnel.FunnelCell;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The additive contract of the changes topic: what a touch adds, and that signed cells sum exactly. */
class CustomerChangeTest {

    // 2026-11-03 is a Tuesday of ISO week 45 (Mon 11-02 .. Sun 11-08)
    private static final LocalDate NOV_3 = LocalDate.of(2026, 11, 3);

    @Test
    void shouldAddOneFollowUpToSixRowsAndTheCustomerOnlyWhereNew() {
        ActivityTouch touch = new ActivityTouch("R-7", "T-EAST", NOV_3, "PHONE",
                EnumSet.of(Granularity.DAY), EnumSet.of(Granularity.DAY, Granularity.WEEK));

        List<ActivityRow> rows = new CustomerChange(touch, null).activityDeltas();

        assertThat(rows).extracting(ActivityRow::scope, ActivityRow::granularity, ActivityRow::bucket,
                        ActivityRow::repId, ActivityRow::followUps, ActivityRow::customers)
                .containsExactly(
                        tuple(ActivityScope.REP, Granularity.DAY, "2026-11-03", "R-7", 1L, 1L),
                        tuple(ActivityScope.REP, Granularity.WEEK, "2026-W45", "R-7", 1L, 0L),
                        tuple(ActivityScope.REP, Granularity.MONTH, "2026-11", "R-7", 1L, 0L),
                        tuple(ActivityScope.TEAM, Granularity.DAY, "2026-11-03", null, 1L, 1L),
                        tuple(ActivityScope.TEAM, Granularity.WEEK, "2026-W45", null, 1L, 1L),
                        tuple(ActivityScope.TEAM, Granularity.MONTH, "2026-11", null, 1L, 0L));
        assertThat(rows.get(1).periodStart()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(rows).allSatisfy(row -> assertThat(row.byChannel()).isEqualTo(Map.of("PHONE", 1L)));
    }

    @Test
    void shouldTouchOnlyRepRowsWithoutATeam() {
        ActivityTouch touch = new ActivityTouch("R-7", null, NOV_3, "VISIT", Set.of(), Set.of());

        assertThat(touch.rows()).hasSize(3).allSatisfy(row -> assertThat(row.scope()).isEqualTo(ActivityScope.REP));
    }

    @Test
    void shouldSumRowDeltasToTheFiguresOfTheRow() {
        ActivityRow first = new ActivityTouch("R-7", "T-EAST", NOV_3, "PHONE", Set.of(Granularity.DAY), Set.of())
                .rows().getFirst();
        ActivityRow second = new ActivityTouch("R-7", "T-EAST", NOV_3, "WECHAT", Set.of(), Set.of())
                .rows().getFirst();

        ActivityRow sum = first.plus(second);

        assertThat(sum.key()).isEqualTo(first.key());
        assertThat(sum.followUps()).isEqualTo(2);
        assertThat(sum.customers()).isEqualTo(1);
        assertThat(sum.byChannel()).isEqualTo(Map.of("PHONE", 1L, "WECHAT", 1L));
    }

    @Test
    void shouldMoveACustomerBetweenStagesWithOneSignedCellThatSumsExactly() {
        CustomerFunnel qualified = customer("QUALIFIED", List.of("LEAD", "QUALIFIED"), List.of("LEAD>QUALIFIED"),
                Map.of("LEAD", 2), false, Map.of());
        CustomerFunnel won = customer("WON", List.of("LEAD", "QUALIFIED", "PROPOSAL", "QUOTE", "CONTRACT", "WON"),
                List.of("LEAD>QUALIFIED", "QUALIFIED>WON"), Map.of("LEAD", 2, "QUALIFIED", 5), true,
                Map.of("CNY", new BigDecimal("1200.50"), "USD", new BigDecimal("80")));
        FunnelCell before = FunnelCell.empty().plus(qualified, 1);

        FunnelCell change = FunnelCell.empty().plus(won, 1).plus(FunnelCell.empty().plus(qualified, -1));
        FunnelCell after = before.plus(change);

        assertThat(change.customers()).as("the same customer, only moved").isZero();
        assertThat(change.current()).isEqualTo(Map.of("QUALIFIED", -1L, "WON", 1L));
        assertThat(after).isEqualTo(FunnelCell.empty().plus(won, 1));
        assertThat(after.plus(FunnelCell.empty().plus(won, -1)).isZero()).isTrue();
    }

    @Test
    void shouldTravelAsJsonUnchanged() {
        CustomerChange change = new CustomerChange(
                new ActivityTouch("R-7", "T-EAST", NOV_3, "PHONE", Set.of(Granularity.MONTH), Set.of()),
                List.of(FunnelCell.empty().plus(customer("LEAD", List.of("LEAD"), List.of(), Map.of(), true,
                        Map.of("CNY", new BigDecimal("1200.50"), "USD", new BigDecimal("80"))), 1)));
        JsonSerde<CustomerChange> serde = JsonSerde.of(CustomerChange.class);

        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", change))).isEqualTo(change);
    }

    private static CustomerFunnel customer(String stage, List<String> reached, List<String> transitions,
                                           Map<String, Integer> days, boolean withSale,
                                           Map<String, BigDecimal> revenue) {
        return new CustomerFunnel("C-1", NOV_3, "R-7", "T-EAST", "web", stage, reached, transitions, days, withSale,
                revenue);
    }
}
