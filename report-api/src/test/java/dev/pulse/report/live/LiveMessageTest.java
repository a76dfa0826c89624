package dev.pulse.report.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.report.projector.Owner;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LiveMessageTest {

    @Test
    void shouldCarryTheOwnersOfEveryTopicToTheOtherInstances() {
        Map<String, Set<Owner>> changed = Map.of(
                "pulse-changes", Set.of(new Owner("rep-a", "team-1"), new Owner(null, "team-2")),
                "duplicate-flags", Set.of(new Owner("rep-b", null)));

        LiveMessage heard = LiveMessage.parse(LiveMessage.projected(changed).payload());

        assertThat(heard.ownersByTopic()).isEqualTo(changed);
        assertThat(heard.event()).isNull();
    }

    @Test
    void shouldCarryAnEventCausedThroughTheApi() {
        LiveMessage heard = LiveMessage.parse(LiveMessage.event(LiveUpdates.DUPLICATES).payload());

        assertThat(heard.event()).isEqualTo("duplicates");
        assertThat(heard.ownersByTopic()).isEmpty();
    }

    @Test
    void shouldTellEveryoneWithoutRepIdsWhenTheOwnersDoNotFitInANotify() {
        Set<Owner> many = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            many.add(new Owner("rep-" + i, "team-" + i));
        }
        String payload = LiveMessage.projected(Map.of("pulse-changes", many)).payload();

        assertThat(payload.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(LiveMessage.MAX_PAYLOAD_BYTES);
        assertThat(LiveMessage.parse(payload).ownersByTopic()).isEqualTo(Map.of("pulse-changes", Set.of(Owner.UNKNOWN)));
    }
}
