package dev.pulse.report.forecast;

import static dev.pulse.report.db.Tables.FORECAST_SNAPSHOT;

import dev.pulse.report.funnel.FunnelFilter;
import dev.pulse.report.web.DateRange;
import dev.pulse.security.AccessScope;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep8;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the company's forecast of each day (DESIGN.md definition 7): for the current month and the
 * next eleven, per owner rep, team and currency, what the forecast said. Taken shortly after
 * midnight in the reporting zone; a day already taken (another instance, a restart) is kept as it
 * was, so a snapshot never changes after the fact.
 */
@Component
class ForecastSnapshots {

    private static final Logger log = LoggerFactory.getLogger(ForecastSnapshots.class);
    static final int MONTHS_AHEAD = 12;

    private final DSLContext db;
    private final ForecastQueries queries;

    ForecastSnapshots(DSLContext db, ForecastQueries queries) {
        this.db = db;
        this.queries = queries;
    }

    @Scheduled(cron = "${pulse.forecast.snapshot-cron:0 5 0 * * *}", zone = "${pulse.report.zone:Asia/Shanghai}")
    void takeToday() {
        int rows = take(LocalDate.now(queries.zone()));
        log.info("forecast snapshot: {} rows", rows);
    }

    java.time.ZoneId zone() {
        return queries.zone();
    }

    /** Takes the snapshot of {@code day} unless it exists; answers the rows written. */
    int take(LocalDate day) {
        if (db.fetchExists(FORECAST_SNAPSHOT, FORECAST_SNAPSHOT.SNAPSHOT_DAY.eq(day))) {
            return 0;
        }
        YearMonth first = YearMonth.from(day);
        DateRange months = new DateRange(first.atDay(1), first.plusMonths(MONTHS_AHEAD - 1).atEndOfMonth());
        FunnelFilter everyone = new FunnelFilter(months, null, null, null, AccessScope.everything());
        Map<List<String>, List<ForecastCustomerView>> byKey = new TreeMap<>(ForecastSnapshots::compareKeys);
        for (ForecastCustomerView c : queries.openCustomers(everyone, day, queries.defaultLearningMonths())) {
            byKey.computeIfAbsent(java.util.Arrays.asList(YearMonth.from(c.expectedCloseDate()).toString(), c.ownerRep(),
                    c.ownerTeam(), c.currency()), k -> new ArrayList<>()).add(c);
        }
        if (byKey.isEmpty()) {
            return 0;
        }
        InsertValuesStep8<?, LocalDate, String, String, String, String, Long, BigDecimal, BigDecimal> insert =
                db.insertInto(FORECAST_SNAPSHOT, FORECAST_SNAPSHOT.SNAPSHOT_DAY, FORECAST_SNAPSHOT.CLOSE_MONTH,
                        FORECAST_SNAPSHOT.REP_ID, FORECAST_SNAPSHOT.TEAM_ID, FORECAST_SNAPSHOT.CURRENCY,
                        FORECAST_SNAPSHOT.CUSTOMERS, FORECAST_SNAPSHOT.PIPELINE, FORECAST_SNAPSHOT.WEIGHTED);
        byKey.forEach((key, customers) -> insert.values(day, key.get(0), key.get(1), key.get(2), key.get(3),
                (long) customers.size(),
                customers.stream().map(ForecastCustomerView::expectedAmount).reduce(BigDecimal.ZERO, BigDecimal::add),
                customers.stream().map(ForecastCustomerView::weighted).reduce(BigDecimal.ZERO, BigDecimal::add)));
        return insert.onConflictDoNothing().execute();
    }

    private static int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = java.util.Comparator.nullsLast(String::compareTo).compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
