package dev.pulse.report;

import static dev.pulse.testsupport.TestPostgres.execute;
import static dev.pulse.testsupport.TestPostgres.queryRows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.testsupport.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * V10 on a database projected before it: each cell's single revenue, a sum of amounts whatever their
 * currency, becomes a funnel_revenue row of currency XXX (unknown) at its grain, a cell without
 * revenue gets none, and funnel_cell loses the column, so no report can add currencies again.
 */
class FunnelRevenueMigrationIT {

    private static TestPostgres postgres;
    private static String jdbcUrl;

    @BeforeAll
    static void migrateWithCellsOfV7() {
        postgres = TestPostgres.start("funnel-revenue-migration-it");
        jdbcUrl = postgres.createDatabase("revenue");
        flyway().target("7").load().migrate();
        // 100 CNY and 100 USD of one customer were projected as a revenue of 200
        execute(jdbcUrl, """
                insert into funnel_cell (cell_key, grain, cohort_day, rep_id, team_id, source, customers, with_sale, revenue)
                values ('a', 'REP', date '2027-02-01', 'rep-1', 'east', 'web', 3, 1, 200),
                       ('b', 'REP', date '2027-02-02', 'rep-2', null, null, 1, 0, 0),
                       ('TEAMa', 'TEAM', date '2027-02-01', null, 'east', 'web', 3, 1, 200),
                       ('ALLa', 'ALL', date '2027-02-01', null, null, 'web', 3, 1, 200)""");
        flyway().load().migrate();
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void shouldKeepAnOldRevenueAsCurrencyUnknownAtEachGrainAndNeverAsYuan() {
        assertThat(queryRows(jdbcUrl, """
                select grain, cell_key, cohort_day, rep_id, team_id, source, currency, revenue
                from funnel_revenue order by grain, cell_key""")).containsExactly(
                "ALL | ALLa | 2027-02-01 | null | null | web | XXX | 200.0000",
                "REP | a | 2027-02-01 | rep-1 | east | web | XXX | 200.0000",
                "TEAM | TEAMa | 2027-02-01 | null | east | web | XXX | 200.0000");
    }

    @Test
    void shouldKeepTheCellsOtherFiguresAndDropTheSingleRevenue() {
        assertThat(queryRows(jdbcUrl, "select cell_key, customers, with_sale from funnel_cell order by cell_key collate \"C\""))
                .containsExactly("ALLa | 3 | 1", "TEAMa | 3 | 1", "a | 3 | 1", "b | 1 | 0");
        assertThat(queryRows(jdbcUrl, "select column_name from information_schema.columns"
                + " where table_name = 'funnel_cell' and column_name = 'revenue'")).isEmpty();
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway() {
        return Flyway.configure().dataSource(jdbcUrl, TestPostgres.USER, TestPostgres.PASSWORD);
    }
}
