package dev.pulse.report.lost;

import dev.pulse.report.journey.CustomerJourneys;
import org.jooq.Field;

/** How lost customers are split: not at all, or by the stage they were lost from, owner rep, team or source. */
public enum LostReasonGrouping {
    NONE(null),
    STAGE(CustomerJourneys.LOST_FROM),
    REP(CustomerJourneys.OWNER_REP),
    TEAM(CustomerJourneys.OWNER_TEAM),
    SOURCE(CustomerJourneys.SOURCE);

    private final Field<String> column;

    LostReasonGrouping(Field<String> column) {
        this.column = column;
    }

    /** The journey column of the group, null for NONE (PostgreSQL refuses a constant in GROUP BY). */
    Field<String> column() {
        return column;
    }
}
