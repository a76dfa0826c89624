package dev.pulse.report.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.report.projector.Owner;
import dev.pulse.security.AccessScope;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which open streams hear of a change: by the owner of the changed figures and the caller's scope. */
class LiveScopeTest {

    private static final AccessScope REP = AccessScope.rep("rep-a1");
    private static final AccessScope MANAGER = AccessScope.teams(Set.of("team-a"));

    @Test
    void shouldTellARepOnlyOfTheirOwnChangesAndOfChangesNobodyOwns() {
        assertThat(LiveUpdates.mayConcern(REP, new Owner("rep-a1", "team-a"))).isTrue();
        assertThat(LiveUpdates.mayConcern(REP, new Owner("rep-a2", "team-a"))).isFalse();
        assertThat(LiveUpdates.mayConcern(REP, new Owner(null, "team-a"))).as("a team row").isFalse();
        assertThat(LiveUpdates.mayConcern(REP, new Owner("rep-a1", null))).as("a flag naming them").isTrue();
        assertThat(LiveUpdates.mayConcern(REP, Owner.UNKNOWN)).isTrue();
    }

    @Test
    void shouldTellAManagerOfTheirTeamsAndOfChangesWithoutATeam() {
        assertThat(LiveUpdates.mayConcern(MANAGER, new Owner("rep-a2", "team-a"))).isTrue();
        assertThat(LiveUpdates.mayConcern(MANAGER, new Owner(null, "team-a"))).isTrue();
        assertThat(LiveUpdates.mayConcern(MANAGER, new Owner("rep-b1", "team-b"))).isFalse();
        assertThat(LiveUpdates.mayConcern(MANAGER, new Owner("rep-b1", null))).isTrue();
    }

    @Test
    void shouldTellEverythingToAdminsAndNothingToIngestTokens() {
        assertThat(LiveUpdates.mayConcern(AccessScope.everything(), new Owner("rep-b1", "team-b"))).isTrue();
        assertThat(LiveUpdates.mayConcern(AccessScope.nothing(), Owner.UNKNOWN)).isFalse();
    }
}
