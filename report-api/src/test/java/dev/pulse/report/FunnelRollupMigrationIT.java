package dev.pulse.report;

import static dev.pulse.testsupport.TestPostgres.execute;
import static dev.pulse.testsupport.TestPostgres.queryRows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.events.funnel.FunnelCell;
import dev.pulse.report.funnel.FunnelGrain;
import dev.pulse.testsupport.TestPostgres;
import java.time.LocalDate;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * V6 on a database projected before it: the funnel cells' JSON figures become rows of the typed
 * rollups, read as the reports read the JSON (whole days only, " 3" being 3; transitions with a
 * FROM), and the JSON column goes. Then V7 sums the rep-grain rows into the team and company
 * grains, under the keys the projector writes for them.
 */
class FunnelRollupMigrationIT {

    private static TestPostgres postgres;
    private static String jdbcUrl;

    @BeforeAll
    static void migrateWithCellsOfV4() {
        postgres = TestPostgres.start("funnel-rollup-migration-it");
        jdbcUrl = postgres.createDatabase("rollups");
        flyway().target("5").load().migrate();
        execute(jdbcUrl, """
                insert into funnel_cell (cell_key, cohort_day, rep_id, team_id, source, customers, with_sale, revenue, figures)
                values ('a', date '2027-02-01', 'rep-1', 'east', 'web', 3, 1, 10.5, ?),
                       ('b', date '2027-02-02', 'rep-2', null, null, 1, 0, 0, ?)""", """
                {"cohortDay": "2027-02-01", "repId": "rep-1", "teamId": "east", "source": "web", "customers": 3,
                 "reached": {"LEAD": 3, "QUALIFIED": 2}, "current": {"LEAD": 1, "QUALIFIED": 2},
                 "transitions": {"LEAD>QUALIFIED": 2, ">QUALIFIED": 7, "LEAD": 7},
                 "stageDays": {"LEAD": {"2": 1, " 2": 1, "4": 1, "soon": 7}}, "withSale": 1, "revenue": 10.5}""", """
                {"cohortDay": "2027-02-02", "repId": "rep-2", "customers": 1,
                 "reached": {"LEAD": 1}, "current": {"LOST": 1}, "transitions": {"LEAD>LOST": 1}, "stageDays": {}}""");
        flyway().target("7").load().migrate(); // V10 moves revenue out of funnel_cell: FunnelRevenueMigrationIT
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void shouldTurnEachCellsStageFiguresIntoRows() {
        assertThat(queryRows(jdbcUrl, """
                select cohort_day, cell_key, stage, rep_id, team_id, source, reached, at_stage
                from funnel_stage where grain = 'REP' order by cell_key, stage""")).containsExactly(
                "2027-02-01 | a | LEAD | rep-1 | east | web | 3 | 1",
                "2027-02-01 | a | QUALIFIED | rep-1 | east | web | 2 | 2",
                "2027-02-02 | b | LEAD | rep-2 | null | null | 1 | 0",
                "2027-02-02 | b | LOST | rep-2 | null | null | 0 | 1");
    }

    @Test
    void shouldKeepOnlyTransitionsTheReportsShowed() {
        assertThat(queryRows(jdbcUrl, "select cell_key, from_stage, to_stage, n from funnel_transition where grain = 'REP' order by cell_key"))
                .containsExactly("a | LEAD | QUALIFIED | 2", "b | LEAD | LOST | 1");
    }

    @Test
    void shouldSumWholeDaysAsTheReportsParsedThem() {
        assertThat(queryRows(jdbcUrl, "select cell_key, stage, days, n from funnel_stage_days where grain = 'REP' order by cell_key, days"))
                .containsExactly("a | LEAD | 2 | 2", "a | LEAD | 4 | 1");
    }

    @Test
    void shouldKeepTheCellsScalarFiguresAndDropTheirJson() {
        assertThat(queryRows(jdbcUrl, "select cell_key, customers, with_sale, revenue from funnel_cell where grain = 'REP' order by cell_key"))
                .containsExactly("a | 3 | 1 | 10.5000", "b | 1 | 0 | 0.0000");
        assertThat(queryRows(jdbcUrl, "select column_name from information_schema.columns"
                + " where table_name = 'funnel_cell' and column_name = 'figures'")).isEmpty();
    }

    @Test
    void shouldSumTheRepGrainIntoTheTeamAndCompanyGrainsUnderTheProjectorsKeys() {
        String teamA = FunnelGrain.TEAM.key(cell("2027-02-01", "east", "web"));
        String teamB = FunnelGrain.TEAM.key(cell("2027-02-02", null, null));
        String allA = FunnelGrain.ALL.key(cell("2027-02-01", null, "web"));
        String allB = FunnelGrain.ALL.key(cell("2027-02-02", null, null));
        assertThat(queryRows(jdbcUrl, """
                select grain, cell_key, rep_id, team_id, source, customers, with_sale, revenue
                from funnel_cell where grain <> 'REP' order by grain, cohort_day""")).containsExactly(
                "ALL | " + allA + " | null | null | web | 3 | 1 | 10.5000",
                "ALL | " + allB + " | null | null | null | 1 | 0 | 0.0000",
                "TEAM | " + teamA + " | null | east | web | 3 | 1 | 10.5000",
                "TEAM | " + teamB + " | null | null | null | 1 | 0 | 0.0000");
        assertThat(queryRows(jdbcUrl, """
                select grain, cell_key, stage, reached, at_stage from funnel_stage
                where grain <> 'REP' order by grain, cohort_day, stage""")).containsExactly(
                "ALL | " + allA + " | LEAD | 3 | 1", "ALL | " + allA + " | QUALIFIED | 2 | 2",
                "ALL | " + allB + " | LEAD | 1 | 0", "ALL | " + allB + " | LOST | 0 | 1",
                "TEAM | " + teamA + " | LEAD | 3 | 1", "TEAM | " + teamA + " | QUALIFIED | 2 | 2",
                "TEAM | " + teamB + " | LEAD | 1 | 0", "TEAM | " + teamB + " | LOST | 0 | 1");
        assertThat(queryRows(jdbcUrl, """
                select grain, from_stage, to_stage, n from funnel_transition where grain <> 'REP'
                order by grain, cohort_day""")).containsExactly(
                "ALL | LEAD | QUALIFIED | 2", "ALL | LEAD | LOST | 1", "TEAM | LEAD | QUALIFIED | 2", "TEAM | LEAD | LOST | 1");
        assertThat(queryRows(jdbcUrl, """
                select grain, stage, days, n from funnel_stage_days where grain <> 'REP' order by grain, days"""))
                .containsExactly("ALL | LEAD | 2 | 2", "ALL | LEAD | 4 | 1", "TEAM | LEAD | 2 | 2", "TEAM | LEAD | 4 | 1");
    }

    private static FunnelCell cell(String cohortDay, String teamId, String source) {
        return new FunnelCell(LocalDate.parse(cohortDay), null, teamId, source, 0, null, null, null, null, 0, null);
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway() {
        return Flyway.configure().dataSource(jdbcUrl, TestPostgres.USER, TestPostgres.PASSWORD);
    }
}
