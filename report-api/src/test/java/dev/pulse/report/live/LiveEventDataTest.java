package dev.pulse.report.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.report.projector.Owner;
import dev.pulse.security.AccessScope;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Which reps an event's data names for each caller, and the JSON a client (and the benchmark) reads. */
class LiveEventDataTest {

    private static final Set<Owner> CHANGED = Set.of(
            new Owner("rep-b1", "team-b"), new Owner("rep-a2", "team-a"), new Owner("rep-a1", "team-a"),
            new Owner(null, "team-a"), new Owner("rep-c1", null), Owner.UNKNOWN);

    @Test
    void shouldNameEveryChangedRepToAnAdminSortedAndOnce() {
        assertThat(LiveUpdates.visibleRepIds(AccessScope.everything(), CHANGED))
                .containsExactly("rep-a1", "rep-a2", "rep-b1", "rep-c1");
    }

    @Test
    void shouldNameToAManagerOnlyRepsKnownToBeInTheirTeams() {
        // rep-c1 comes from a flag without a team: the manager hears of the change but not whose it was
        assertThat(LiveUpdates.visibleRepIds(AccessScope.teams(Set.of("team-a")), CHANGED))
                .containsExactly("rep-a1", "rep-a2");
    }

    @Test
    void shouldNameToARepOnlyThemselves() {
        assertThat(LiveUpdates.visibleRepIds(AccessScope.rep("rep-a2"), CHANGED)).containsExactly("rep-a2");
        assertThat(LiveUpdates.visibleRepIds(AccessScope.rep("rep-z9"), CHANGED)).isEmpty();
        assertThat(LiveUpdates.visibleRepIds(AccessScope.nothing(), CHANGED)).isEmpty();
    }

    @Test
    void shouldCarryTheRepIdsInTheEventDataAndLeaveThemOutWhenUnknown() {
        JsonMapper json = JsonMapper.builder().build();
        assertThat(json.writeValueAsString(new LiveUpdates.Change("2026-12-03T10:00:00Z", List.of("rep-a1", "rep-a2"))))
                .isEqualTo("{\"at\":\"2026-12-03T10:00:00Z\",\"repIds\":[\"rep-a1\",\"rep-a2\"]}");
        assertThat(json.writeValueAsString(new LiveUpdates.Change("2026-12-03T10:00:00Z", null)))
                .isEqualTo("{\"at\":\"2026-12-03T10:00:00Z\"}");
    }
}
