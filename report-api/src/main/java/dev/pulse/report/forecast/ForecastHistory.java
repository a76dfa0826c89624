package dev.pulse.report.forecast;

import static dev.pulse.report.db.Tables.FORECAST_SNAPSHOT;
import static dev.pulse.report.db.Tables.SALE;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.sum;

import dev.pulse.report.security.Scopes;
import dev.pulse.security.AccessScope;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * How one month's forecast moved, from the daily snapshots, beside what was won in that month:
 * the sales whose time falls in it (per currency, as revenue always is). Both within the caller's
 * scope and the rep or team asked for.
 */
@Service
public class ForecastHistory {

    private final DSLContext db;

    ForecastHistory(DSLContext db) {
        this.db = db;
    }

    /** @param points one per snapshot day and currency, oldest first */
    public record View(String month, List<Point> points, Map<String, BigDecimal> wonByCurrency) {
    }

    public record Point(LocalDate day, String currency, long customers, BigDecimal pipeline, BigDecimal weighted) {
    }

    public View of(YearMonth month, String repId, String teamId, AccessScope scope, ZoneId zone) {
        List<Point> points = db.select(FORECAST_SNAPSHOT.SNAPSHOT_DAY, FORECAST_SNAPSHOT.CURRENCY,
                        sum(FORECAST_SNAPSHOT.CUSTOMERS), sum(FORECAST_SNAPSHOT.PIPELINE), sum(FORECAST_SNAPSHOT.WEIGHTED))
                .from(FORECAST_SNAPSHOT)
                .where(FORECAST_SNAPSHOT.CLOSE_MONTH.eq(month.toString()))
                .and(repId == null ? noCondition() : FORECAST_SNAPSHOT.REP_ID.eq(repId))
                .and(teamId == null ? noCondition() : FORECAST_SNAPSHOT.TEAM_ID.eq(teamId))
                .and(Scopes.rows(scope, FORECAST_SNAPSHOT.REP_ID, FORECAST_SNAPSHOT.TEAM_ID))
                .groupBy(FORECAST_SNAPSHOT.SNAPSHOT_DAY, FORECAST_SNAPSHOT.CURRENCY)
                .orderBy(FORECAST_SNAPSHOT.SNAPSHOT_DAY, FORECAST_SNAPSHOT.CURRENCY)
                .fetch(r -> new Point(r.value1(), r.value2(), r.value3().longValue(), r.value4(), r.value5()));
        Map<String, BigDecimal> won = new LinkedHashMap<>();
        db.select(SALE.CURRENCY, sum(SALE.AMOUNT))
                .from(SALE)
                .where(SALE.OCCURRED_AT.ge(month.atDay(1).atStartOfDay(zone).toOffsetDateTime()))
                .and(SALE.OCCURRED_AT.lt(month.plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime()))
                .and(repId == null ? noCondition() : SALE.REP_ID.eq(repId))
                .and(teamId == null ? noCondition() : SALE.TEAM_ID.eq(teamId))
                .and(Scopes.rows(scope, SALE.REP_ID, SALE.TEAM_ID))
                .groupBy(SALE.CURRENCY)
                .orderBy(SALE.CURRENCY)
                .forEach(r -> won.put(r.value1(), r.value2().setScale(2, RoundingMode.HALF_UP)));
        return new View(month.toString(), points, won);
    }
}
