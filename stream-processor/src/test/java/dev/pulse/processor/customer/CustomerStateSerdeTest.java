package dev.pulse.processor.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.events.Json;
import dev.pulse.events.alerts.Alert;
import dev.pulse.events.alerts.AlertKind;
import dev.pulse.events.alerts.AlertStatus;
import dev.pulse.events.duplicates.DuplicateFlag;
import dev.pulse.events.duplicates.DuplicateType;
import dev.pulse.processor.duplicates.CustomerReps;
import dev.pulse.processor.funnel.CustomerJourney;
import dev.pulse.processor.stale.CustomerWatch;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class CustomerStateSerdeTest {

    private final CustomerStateSerde serde = new CustomerStateSerde();

    private static final Instant AT = Instant.parse("2026-03-01T08:15:30.123456789Z");

    @Test
    void shouldReadBackEveryPartOfAFullStateExactly() {
        // given a state with every component present and holding more than one element
        CustomerState state = fullState();

        // when
        byte[] bytes = serde.serializer().serialize("t", state);
        CustomerState read = serde.deserializer().deserialize("t", bytes);

        // then equal in every component, instants to the nanosecond, amounts with their scale
        assertThat(bytes[0]).isEqualTo((byte) CustomerStateSerde.FORMAT);
        assertThat(read).isEqualTo(state);
        assertThat(read.journey().orders().get("O-1").scale()).isEqualTo(2);
        assertThat(read.reps().byRep().keySet()).containsExactly("rep-b", "rep-a");
        // and what the processor changes in place stays changeable
        assertThat(read.eventIds().add("F:new")).isTrue();
        assertThat(read.entries().put("fp-new", "x")).isNull();
        assertThat(read.activityRows().add("row-new")).isTrue();
        assertThat(read.sightings().add("s-new")).isTrue();
    }

    @Test
    void shouldReadBackAnEmptyState() {
        CustomerState empty = CustomerState.empty();

        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", empty))).isEqualTo(empty);
    }

    @Test
    void shouldStillReadAStateWrittenAsJsonByAnEarlierVersion() {
        // given the state as the JSON serde wrote it (times in epoch milliseconds)
        CustomerState state = fullState();
        byte[] json = Json.STATE.writeValueAsBytes(state);

        // when
        CustomerState read = serde.deserializer().deserialize("t", json);

        // then the same, but for the sub-millisecond part JSON never kept
        assertThat(read.eventIds()).isEqualTo(state.eventIds());
        assertThat(read.journey().orders()).isEqualTo(state.journey().orders());
        assertThat(read.watch().lastFollowUpAt()).isEqualTo(Instant.parse("2026-03-01T08:15:30.123Z"));
        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", read))).isEqualTo(read);
    }

    @Test
    void shouldRefuseDamagedBytesWithASerializationError() {
        byte[] bytes = serde.serializer().serialize("t", fullState());

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", Arrays.copyOf(bytes, bytes.length - 3)))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {7, 1, 2}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("format 7");
    }

    /**
     * The serde writes these records field by field: a component added to one of them must be added
     * to the serde too (and to {@link #fullState()}), or it would silently be dropped from the state.
     */
    @Test
    void shouldKnowEveryComponentOfTheRecordsItWrites() {
        assertThat(components(CustomerState.class)).containsExactly("eventIds", "entries", "repeats", "reps", "watch",
                "journey", "activityRows", "sightings");
        assertThat(components(CustomerReps.class)).containsExactly("byRep", "flag");
        assertThat(components(CustomerReps.Touch.class)).containsExactly("at", "eventId");
        assertThat(components(CustomerWatch.class)).containsExactly("customerName", "repId", "teamId", "stage",
                "lastFollowUpAt", "nextFollowUpAt", "openAlerts", "dueKeys");
        assertThat(components(CustomerJourney.class)).containsExactly("steps", "orders", "currencies");
        assertThat(components(CustomerJourney.Step.class)).containsExactly("at", "eventId", "stage", "repId", "teamId",
                "source");
    }

    private static List<String> components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList();
    }

    private static CustomerState fullState() {
        DuplicateFlag repeat = new DuplicateFlag(DuplicateType.DUPLICATE_ENTRY, "fp-1", List.of("C-1"), List.of("rep-a"),
                List.of("e-1", "e-2"), AT, AT.plusSeconds(60));
        DuplicateFlag multiRep = new DuplicateFlag(DuplicateType.MULTI_REP, "C-1", List.of("C-1"), List.of("rep-b", "rep-a"),
                List.of("e-1", "e-3"), AT, AT.plusSeconds(3600));
        Map<String, List<CustomerReps.Touch>> byRep = new LinkedHashMap<>();
        byRep.put("rep-b", List.of(new CustomerReps.Touch(AT, "e-1")));
        byRep.put("rep-a", List.of(new CustomerReps.Touch(AT.plusSeconds(1), "e-3"), new CustomerReps.Touch(AT.plusSeconds(2), "e-4")));
        Alert alert = new Alert(UUID.nameUUIDFromBytes(new byte[] {1}), AlertKind.STALE, AlertStatus.OPEN, "C-1", "王芳",
                "rep-a", "team-1", "QUALIFIED", AT, null, 7.0, AT.plusSeconds(7 * 86_400), AT.plusSeconds(7 * 86_400 + 5),
                null, null);
        CustomerWatch watch = new CustomerWatch("王芳 👩", "rep-a", "team-1", "QUALIFIED", AT, AT.plusSeconds(86_400),
                Map.of(AlertKind.STALE, alert), List.of("due-1", "due-2"));
        CustomerJourney journey = new CustomerJourney(List.of(
                new CustomerJourney.Step(AT, "e-1", "LEAD", "rep-b", "team-1", "官网"),
                new CustomerJourney.Step(AT.plusSeconds(5), "e-3", "QUALIFIED", "rep-a", "team-1", null)),
                Map.of("O-1", new BigDecimal("12800.50"), "O-2", new BigDecimal("3")), Map.of("O-1", "CNY"));
        return new CustomerState(new HashSet<>(Set.of("F:e-1", "F:e-3", "S:s-1")),
                new HashMap<>(Map.of("fp-1", "e-1|1772352930123", "fp-2", "e-3|1772352931000")),
                new HashMap<>(Map.of("fp-1", repeat)), new CustomerReps(byRep, multiRep), watch, journey,
                new HashSet<>(Set.of("rep-a|DAY|2026-03-01", "team-1|MONTH|2026-03")),
                new HashSet<>(Set.of("phone:13800138000\u0000rep-a")));
    }
}
