package dev.pulse.report.cycle;

import static dev.pulse.report.journey.CustomerJourneys.FIRST_AT;

import dev.pulse.report.journey.CustomerJourneys;
import java.time.ZoneId;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** How closed customers are split for their cycle length: not at all, by owner rep, team, source or cohort month. */
public enum CycleGrouping {
    NONE,
    REP,
    TEAM,
    SOURCE,
    MONTH;

    /** The group's SQL value, null for NONE; a cohort month is written {@code 2026-11}. */
    Field<String> of(ZoneId zone) {
        return switch (this) {
            case NONE -> null;
            case REP -> CustomerJourneys.OWNER_REP;
            case TEAM -> CustomerJourneys.OWNER_TEAM;
            case SOURCE -> CustomerJourneys.SOURCE;
            case MONTH -> DSL.field("to_char({0} at time zone {1}, 'YYYY-MM')", String.class, FIRST_AT,
                    DSL.inline(zone.getId()));
        };
    }
}
