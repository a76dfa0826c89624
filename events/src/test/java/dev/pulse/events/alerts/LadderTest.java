package dev.pulse.events.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.events.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LadderTest {

    private static final Instant DUE = Instant.parse("2026-11-16T02:00:00Z");

    @Test
    void shouldClimbFromStaleToTheManagerAndThenToThePool() {
        Ladder ladder = Ladder.parse("lead:P3D/P7D, QUOTE:PT12H/");

        assertThat(ladder.after(AlertKind.STALE, "LEAD", DUE))
                .contains(new Ladder.Next(AlertKind.ESCALATED, Instant.parse("2026-11-19T02:00:00Z")));
        assertThat(ladder.after(AlertKind.ESCALATED, "LEAD", Instant.parse("2026-11-19T02:00:00Z")))
                .contains(new Ladder.Next(AlertKind.RELEASED, Instant.parse("2026-11-26T02:00:00Z")));
        assertThat(ladder.after(AlertKind.RELEASED, "LEAD", DUE)).isEmpty();
        assertThat(ladder.after(AlertKind.OVERDUE, "LEAD", DUE)).as("only stale customers climb").isEmpty();
        // QUOTE has a manager step and no release
        assertThat(ladder.after(AlertKind.STALE, "QUOTE", DUE))
                .contains(new Ladder.Next(AlertKind.ESCALATED, Instant.parse("2026-11-16T14:00:00Z")));
        assertThat(ladder.after(AlertKind.ESCALATED, "QUOTE", DUE)).isEmpty();
        assertThat(ladder.after(AlertKind.STALE, "PROPOSAL", DUE)).as("a stage not named never climbs").isEmpty();
    }

    @Test
    void shouldReleaseStraightAfterStaleWhenAStageHasNoManagerStep() {
        Ladder ladder = Ladder.parse("PROPOSAL:/P10D");
        assertThat(ladder.after(AlertKind.STALE, "PROPOSAL", DUE))
                .contains(new Ladder.Next(AlertKind.RELEASED, Instant.parse("2026-11-26T02:00:00Z")));
        assertThat(ladder.toString()).isEqualTo("PROPOSAL:/PT240H");
    }

    @Test
    void shouldReadBlankAsNoLadder() {
        assertThat(Ladder.parse(" ").steps()).isEmpty();
        assertThat(Ladder.parse(null).steps()).isEmpty();
        assertThat(Ladder.none().after(AlertKind.STALE, "LEAD", DUE)).isEqualTo(Optional.empty());
    }

    @Test
    void shouldRefuseASettingItCannotRead() {
        assertThatThrownBy(() -> Ladder.parse("LEAD:P3D")).hasMessageContaining("'LEAD:P3D' is not STAGE:MANAGER/RELEASE");
        assertThatThrownBy(() -> Ladder.parse("LEAD:3 days/P7D")).hasMessageContaining("'3 days' is not an ISO-8601 duration");
        assertThatThrownBy(() -> Ladder.parse("LEAD:/")).hasMessageContaining("names no step");
        assertThatThrownBy(() -> Ladder.parse("LEAD:PT0S/P1D")).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> Ladder.parse("LEAD:P1D/,lead:/P2D")).hasMessageContaining("LEAD is given twice");
    }

    @Test
    void shouldCarryWhoClaimedAPoolCustomerThroughJsonAndReadOlderAlertsWithoutIt() {
        Alert released = new Alert(UUID.randomUUID(), AlertKind.RELEASED, AlertStatus.OPEN, "C-1", "张三", "R-7", "T-EAST",
                "LEAD", DUE.minus(Duration.ofDays(14)), null, 14.0, DUE, DUE, null, null);
        Alert claimed = released.claimed(DUE.plusSeconds(60), "R-9");
        JsonSerde<Alert> serde = JsonSerde.of(Alert.class);

        Alert read = serde.deserializer().deserialize("alerts", serde.serializer().serialize("alerts", claimed));
        assertThat(read).isEqualTo(claimed);
        assertThat(read.claimedBy()).isEqualTo("R-9");
        assertThat(read.repId()).as("the rep the customer was released from").isEqualTo("R-7");
        assertThat(read.resolution()).isEqualTo(Alert.CLAIMED);

        String older = "{\"alertId\":\"" + released.alertId() + "\",\"kind\":\"STALE\",\"status\":\"OPEN\","
                + "\"customerId\":\"C-1\",\"dueAt\":\"2026-11-16T02:00:00Z\",\"openedAt\":\"2026-11-16T02:00:10Z\"}";
        Alert old = serde.deserializer().deserialize("alerts", older.getBytes(StandardCharsets.UTF_8));
        assertThat(old.claimedBy()).isNull();
        assertThat(old.kind()).isEqualTo(AlertKind.STALE);
    }
}
