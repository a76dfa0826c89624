package dev.pulse.report.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.events.funnel.FunnelCell;
import dev.pulse.report.web.DateRange;
import dev.pulse.security.AccessScope;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FunnelGrainTest {

    private static final DateRange NOVEMBER = new DateRange(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"));
    private static final FunnelCell CELL = new FunnelCell(LocalDate.parse("2026-11-02"), "rep-1", "east", "web", 2,
            Map.of("LEAD", 2L), Map.of("LEAD", 2L), Map.of(), Map.of(), 1,
            Map.of("CNY", new BigDecimal("9.50"), "USD", new BigDecimal("2")));

    @Test
    void shouldReadTheCompanyGrainForAWholeCompanyQueryOfAnAdmin() {
        assertThat(FunnelGrain.forQuery(filter(null, null, "web", AccessScope.everything()), null)).isEqualTo(FunnelGrain.ALL);
        assertThat(FunnelGrain.forQuery(filter(null, null, null, AccessScope.everything()), CohortGrouping.MONTH))
                .isEqualTo(FunnelGrain.ALL);
    }

    @Test
    void shouldReadTheTeamGrainForATeamFilterAManagerOrGroupsOfTeams() {
        assertThat(FunnelGrain.forQuery(filter(null, "east", null, AccessScope.everything()), null)).isEqualTo(FunnelGrain.TEAM);
        assertThat(FunnelGrain.forQuery(filter(null, null, null, AccessScope.teams(Set.of("east"))), null))
                .isEqualTo(FunnelGrain.TEAM);
        assertThat(FunnelGrain.forQuery(filter(null, null, null, AccessScope.everything()), CohortGrouping.TEAM))
                .isEqualTo(FunnelGrain.TEAM);
    }

    @Test
    void shouldReadTheRepGrainForARepFilterARepsOwnScopeOrGroupsOfReps() {
        assertThat(FunnelGrain.forQuery(filter("rep-1", "east", null, AccessScope.everything()), null)).isEqualTo(FunnelGrain.REP);
        assertThat(FunnelGrain.forQuery(filter(null, null, null, AccessScope.rep("rep-1")), null)).isEqualTo(FunnelGrain.REP);
        assertThat(FunnelGrain.forQuery(filter(null, "east", null, AccessScope.everything()), CohortGrouping.REP))
                .isEqualTo(FunnelGrain.REP);
    }

    @Test
    void shouldDropTheIdentityACoarserGrainDoesNotKeepAndKeepEveryFigure() {
        FunnelCell team = FunnelGrain.TEAM.of(CELL);
        FunnelCell all = FunnelGrain.ALL.of(CELL);

        assertThat(team.repId()).isNull();
        assertThat(team.teamId()).isEqualTo("east");
        assertThat(all.repId()).isNull();
        assertThat(all.teamId()).isNull();
        assertThat(all.source()).isEqualTo("web");
        assertThat(all.reached()).isEqualTo(CELL.reached());
        assertThat(all.current()).isEqualTo(CELL.current());
        assertThat(all.withSale()).isEqualTo(1);
        assertThat(all.customers()).isEqualTo(2);
        assertThat(all.revenueByCurrency()).isEqualTo(CELL.revenueByCurrency());
        assertThat(FunnelGrain.REP.of(CELL)).isSameAs(CELL);
    }

    @Test
    void shouldKeyEachGrainApartSoNoCoarseCellMeetsARepCellWithoutARep() {
        FunnelCell withoutRep = new FunnelCell(CELL.cohortDay(), null, "east", "web", 1, null, null, null, null, 0, null);

        assertThat(FunnelGrain.REP.key(CELL)).isEqualTo("[\"2026-11-02\",\"rep-1\",\"east\",\"web\"]");
        assertThat(FunnelGrain.TEAM.key(FunnelGrain.TEAM.of(CELL))).isEqualTo("TEAM[\"2026-11-02\",null,\"east\",\"web\"]");
        assertThat(FunnelGrain.ALL.key(FunnelGrain.ALL.of(CELL))).isEqualTo("ALL[\"2026-11-02\",null,null,\"web\"]");
        assertThat(FunnelGrain.TEAM.key(withoutRep)).isNotEqualTo(FunnelGrain.REP.key(withoutRep));
    }

    private static FunnelFilter filter(String repId, String teamId, String source, AccessScope scope) {
        return new FunnelFilter(NOVEMBER, repId, teamId, source, scope);
    }
}
