package dev.pulse.report.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DigestsTest {

    private static final OffsetDateTime LAST = OffsetDateTime.parse("2026-11-02T09:00:00+08:00");

    private static StaleCustomerView open(String customerId, String kind) {
        return new StaleCustomerView(customerId, "客户 " + customerId, "rep-zhangwei", "team-east", "QUALIFIED", kind,
                LAST, null, 30.0, null, null, UUID.randomUUID(), LAST.plusDays(10));
    }

    @Test
    void shouldNameEachCustomerOnceAtItsFurthestStepOfTheLadder() {
        // given: C-1 went STALE then ESCALATED (both open), C-2 is OVERDUE and STALE, C-3 only OVERDUE
        List<StaleCustomerView> rows = List.of(open("C-1", "STALE"), open("C-2", "OVERDUE"), open("C-1", "ESCALATED"),
                open("C-3", "OVERDUE"), open("C-2", "STALE"));

        // when
        List<StaleCustomerView> digest = Digests.onePerCustomer(rows);

        // then: three customers, in the order the list first names them
        assertThat(digest).extracting(StaleCustomerView::customerId).containsExactly("C-1", "C-2", "C-3");
        assertThat(digest).extracting(StaleCustomerView::kind).containsExactly("ESCALATED", "STALE", "OVERDUE");
    }
}
