package dev.pulse.events.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.events.JsonSerde;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The value of the duplicate-flags topic: its identity and its JSON round trip. */
class DuplicateFlagTest {

    private static final Instant MONDAY = Instant.parse("2026-11-02T02:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-11-03T02:00:00Z");

    @Test
    void shouldKeepItsFlagIdWhenMoreCustomersJoin() {
        // given: the same flag before and after a third customer joined
        DuplicateFlag pair = new DuplicateFlag(DuplicateType.DUPLICATE_CUSTOMER, "phone:13800138000",
                List.of("C-1", "C-2"), List.of("R-1", "R-2"), List.of("e-1", "e-2"), MONDAY, MONDAY);
        DuplicateFlag trio = new DuplicateFlag(DuplicateType.DUPLICATE_CUSTOMER, "phone:13800138000",
                List.of("C-1", "C-2", "C-3"), List.of("R-1", "R-2", "R-3"), List.of("e-1", "e-2", "e-3"),
                MONDAY, TUESDAY);

        // when / then: the compacted topic keeps one row per flag, so its id is its type and key only
        assertThat(trio.flagId()).isEqualTo(pair.flagId());
        assertThat(UUID.fromString(pair.flagId()).toString()).isEqualTo(pair.flagId());
    }

    @Test
    void shouldGiveAnotherFlagIdToAnotherTypeOrKey() {
        // when
        String phone = DuplicateFlag.flagIdOf(DuplicateType.DUPLICATE_CUSTOMER, "phone:13800138000");
        String wechat = DuplicateFlag.flagIdOf(DuplicateType.DUPLICATE_CUSTOMER, "wechat:13800138000");
        String multiRep = DuplicateFlag.flagIdOf(DuplicateType.MULTI_REP, "phone:13800138000");

        // then
        assertThat(List.of(phone, wechat, multiRep)).doesNotHaveDuplicates();
    }

    @Test
    void shouldSurviveAJsonRoundTrip() {
        // given
        DuplicateFlag flag = new DuplicateFlag(DuplicateType.MULTI_REP, "C-1", List.of("C-1"),
                List.of("R-A", "R-B"), List.of("e-1", "e-2"), MONDAY, TUESDAY);
        JsonSerde<DuplicateFlag> serde = JsonSerde.of(DuplicateFlag.class);

        // when
        DuplicateFlag read = serde.deserializer().deserialize("duplicate-flags",
                serde.serializer().serialize("duplicate-flags", flag));

        // then
        assertThat(read).isEqualTo(flag);
    }
}
