package dev.pulse.report.funnel;

import java.time.LocalDate;
import java.time.YearMonth;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** How funnels are split into groups: by cohort month ({@code 2026-11}), by owner rep or by team. */
public enum CohortGrouping {
    MONTH,
    REP,
    TEAM;

    /** The SQL expression the rows of a funnel table are grouped by. */
    Field<?> of(CellColumns cell) {
        return switch (this) {
            // the first day of the month: its label is made in Java, as YearMonth writes it
            case MONTH -> DSL.field("date_trunc('month', {0})::date", SQLDataType.LOCALDATE, cell.cohortDay());
            case REP -> cell.repId();
            case TEAM -> cell.teamId();
        };
    }

    /** The group's name from the value of {@link #of}: null for cells without a team when grouping by team. */
    String label(Object value) {
        return switch (this) {
            case MONTH -> YearMonth.from((LocalDate) value).toString();
            case REP, TEAM -> (String) value;
        };
    }
}
