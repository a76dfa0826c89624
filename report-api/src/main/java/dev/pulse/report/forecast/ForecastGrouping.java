package dev.pulse.report.forecast;

import dev.pulse.report.journey.CustomerJourneys;
import org.jooq.Field;

/** How the forecast is split beside the month: not at all, by owner rep, team or source. */
public enum ForecastGrouping {
    NONE(null),
    REP(CustomerJourneys.OWNER_REP),
    TEAM(CustomerJourneys.OWNER_TEAM),
    SOURCE(CustomerJourneys.SOURCE);

    private final Field<String> column;

    ForecastGrouping(Field<String> column) {
        this.column = column;
    }

    Field<String> column() {
        return column;
    }
}
