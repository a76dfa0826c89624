package dev.pulse.report.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.report.projector.Owner;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
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
    void shouldCutOwnersThatDoNotFitInOneNotifyIntoSeveralThatEachFitAndTogetherNameEveryOne() {
        // given 2,000 reps changed in one batch, on two topics
        Set<Owner> many = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            many.add(new Owner("rep-" + i, i % 3 == 0 ? null : "团队-" + i));
        }
        Set<Owner> flags = Set.of(new Owner("rep-x", "team-x"));

        // when
        List<String> payloads = LiveMessage.projected(Map.of("pulse-changes", many, "duplicate-flags", flags)).payloads();

        // then each fits, and together they name every owner of every topic
        assertThat(payloads).hasSizeGreaterThan(1)
                .allSatisfy(p -> assertThat(p.getBytes(StandardCharsets.UTF_8).length)
                        .isLessThanOrEqualTo(LiveMessage.MAX_PAYLOAD_BYTES));
        Map<String, Set<Owner>> heard = new HashMap<>();
        payloads.forEach(p -> LiveMessage.parse(p).ownersByTopic()
                .forEach((topic, owners) -> heard.computeIfAbsent(topic, t -> new HashSet<>()).addAll(owners)));
        assertThat(heard).isEqualTo(Map.of("pulse-changes", many, "duplicate-flags", flags));
    }

    @Test
    void shouldSendAMessageThatFitsAsOnePayload() {
        assertThat(LiveMessage.projected(Map.of("pulse-changes", Set.of(new Owner("rep-a", "team-1")))).payloads())
                .hasSize(1);
    }
}
