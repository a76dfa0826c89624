package dev.pulse.report.activity;

import static dev.pulse.report.db.Tables.REP_ACTIVITY;
import static dev.pulse.report.db.Tables.SALE;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.sum;

import dev.pulse.events.activity.ActivityScope;
import dev.pulse.events.activity.Granularity;
import dev.pulse.report.db.tables.records.RepActivityRecord;
import dev.pulse.report.drill.FactConditions;
import dev.pulse.report.web.DateRange;
import dev.pulse.report.security.Scopes;
import dev.pulse.security.AccessScope;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Reads the pre-aggregated activity rows; no query here touches the follow-up fact table, except
 * through {@link ActivityBySource} when the caller cuts by source.
 */
@Repository
class ActivityRepository {

    /** A month, the longest period of any granularity, less its first day. */
    private static final int LONGEST_PERIOD_DAYS = 30;

    private final DSLContext db;
    private final ActivityBySource bySource;

    ActivityRepository(DSLContext db, ActivityBySource bySource) {
        this.db = db;
        this.bySource = bySource;
    }

    /** Rows whose period overlaps the range, ordered by period, team and rep; for one source if not null. */
    List<ActivityRowView> rows(AccessScope access, ActivityScope scope, Granularity granularity, DateRange range,
                               String repId, String teamId, String source, ZoneId zone) {
        if (source != null) {
            return bySource.rows(access, scope, granularity, range, repId, teamId, source, zone);
        }
        return db.selectFrom(REP_ACTIVITY)
                .where(REP_ACTIVITY.SCOPE.eq(scope.name()))
                .and(scope == ActivityScope.REP ? Scopes.rows(access, REP_ACTIVITY.REP_ID, REP_ACTIVITY.TEAM_ID)
                        : Scopes.teamRows(access, REP_ACTIVITY.TEAM_ID))
                .and(REP_ACTIVITY.GRANULARITY.eq(granularity.name()))
                .and(REP_ACTIVITY.PERIOD_START.le(range.to()))
                .and(REP_ACTIVITY.PERIOD_END.ge(range.from()))
                // implied by the line above, as no period is longer than a month; it bounds the index range
                .and(REP_ACTIVITY.PERIOD_START.ge(range.from().minusDays(LONGEST_PERIOD_DAYS)))
                .and(repId == null ? noCondition() : REP_ACTIVITY.REP_ID.eq(repId))
                .and(teamId == null ? noCondition() : REP_ACTIVITY.TEAM_ID.eq(teamId))
                .orderBy(REP_ACTIVITY.PERIOD_START, REP_ACTIVITY.TEAM_ID, REP_ACTIVITY.REP_ID)
                .fetch(ActivityRepository::toView);
    }

    /**
     * The overview's totals: the activity from the rep-day rows, or, for one source, from the facts
     * ({@link ActivityBySource}); the sales from the facts, by the conditions of their list.
     */
    ActivitySummary summary(AccessScope access, DateRange range, String repId, String teamId, String source, ZoneId zone) {
        DayTotals activity = source == null ? dayTotals(access, range, repId, teamId)
                : DayTotals.of(bySource.rows(access, ActivityScope.REP, Granularity.DAY, range, repId, teamId, source, zone));
        // one row per currency: amounts of different currencies are never added
        long sales = 0;
        Map<String, BigDecimal> revenue = new TreeMap<>();
        for (var row : db.select(SALE.CURRENCY, count(), sum(SALE.AMOUNT))
                .from(SALE)
                // the drill-down's predicate: the sales list behind the card is as long as the card says
                .where(FactConditions.sales(access, range, zone, repId, teamId, source))
                .groupBy(SALE.CURRENCY)
                .fetch()) {
            sales += row.value2();
            revenue.put(row.value1(), row.value3().setScale(2, RoundingMode.HALF_UP));
        }
        return new ActivitySummary(activity.followUps(), activity.reps(), activity.teams(), activity.customerTouches(),
                sales, revenue);
    }

    private DayTotals dayTotals(AccessScope access, DateRange range, String repId, String teamId) {
        Condition days = REP_ACTIVITY.SCOPE.eq(ActivityScope.REP.name())
                .and(REP_ACTIVITY.GRANULARITY.eq(Granularity.DAY.name()))
                .and(REP_ACTIVITY.PERIOD_START.between(range.from(), range.to()))
                .and(repId == null ? noCondition() : REP_ACTIVITY.REP_ID.eq(repId))
                .and(teamId == null ? noCondition() : REP_ACTIVITY.TEAM_ID.eq(teamId))
                .and(Scopes.rows(access, REP_ACTIVITY.REP_ID, REP_ACTIVITY.TEAM_ID));
        var activity = db.select(sum(REP_ACTIVITY.FOLLOW_UPS), countDistinct(REP_ACTIVITY.REP_ID),
                        countDistinct(REP_ACTIVITY.TEAM_ID), sum(REP_ACTIVITY.CUSTOMERS))
                .from(REP_ACTIVITY).where(days).fetchOne();
        return new DayTotals(longOf(activity.value1()), activity.value2(), activity.value3(), longOf(activity.value4()));
    }

    /** The activity part of the totals, added up over the rep-day rows of the range. */
    private record DayTotals(long followUps, long reps, long teams, long customerTouches) {

        static DayTotals of(List<ActivityRowView> repDays) {
            return new DayTotals(repDays.stream().mapToLong(ActivityRowView::followUps).sum(),
                    repDays.stream().map(ActivityRowView::repId).distinct().count(),
                    repDays.stream().map(ActivityRowView::teamId).filter(Objects::nonNull).distinct().count(),
                    repDays.stream().mapToLong(ActivityRowView::customers).sum());
        }
    }

    List<TeamView> teams(AccessScope access) {
        Map<String, List<String>> byTeam = db.selectDistinct(REP_ACTIVITY.TEAM_ID, REP_ACTIVITY.REP_ID)
                .from(REP_ACTIVITY)
                .where(REP_ACTIVITY.SCOPE.eq(ActivityScope.REP.name()).and(REP_ACTIVITY.TEAM_ID.isNotNull()))
                .and(Scopes.rows(access, REP_ACTIVITY.REP_ID, REP_ACTIVITY.TEAM_ID))
                .orderBy(REP_ACTIVITY.TEAM_ID, REP_ACTIVITY.REP_ID)
                .fetchGroups(REP_ACTIVITY.TEAM_ID, REP_ACTIVITY.REP_ID);
        return new TreeMap<>(byTeam).entrySet().stream()
                .map(e -> new TeamView(e.getKey(), List.copyOf(e.getValue())))
                .collect(Collectors.toList());
    }

    private static long longOf(BigDecimal value) {
        return value == null ? 0 : value.longValueExact();
    }

    private static ActivityRowView toView(RepActivityRecord r) {
        Map<String, Long> channels = new LinkedHashMap<>();
        channels.put("PHONE", r.getChPhone());
        channels.put("WECHAT", r.getChWechat());
        channels.put("EMAIL", r.getChEmail());
        channels.put("MEETING", r.getChMeeting());
        channels.put("VISIT", r.getChVisit());
        channels.put("OTHER", r.getChOther());
        channels.values().removeIf(n -> n == 0);
        return new ActivityRowView(r.getRepId(), r.getTeamId(), r.getBucket(), r.getPeriodStart(), r.getPeriodEnd(),
                r.getFollowUps(), r.getCustomers(), channels);
    }
}
