package dev.pulse.report.backtest;

import static dev.pulse.report.db.Tables.FOLLOWUP;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;

import dev.pulse.report.config.ReportProperties;
import dev.pulse.security.AccessScope;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record5;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Replays the follow-up history through proposed rules: how many alerts, escalations, releases
 * (and claims, and overdue alerts) each ISO week and team would have seen.
 *
 * <p>Only the last follow-up before the range can still open anything in it (any earlier one was
 * resolved by it), and only when it lies within the rules' reach of the range or planned a next
 * follow-up inside it; so the query reads that one per customer ({@code followup_by_customer})
 * and the range's follow-ups ({@code followup_by_time}), never the older history. The rows are
 * streamed through a cursor, ordered by customer and time, one customer replayed at a time: the
 * memory needed is one customer's, whatever the size of the history.
 */
@Component
public class Backtest {

    private static final int FETCH_SIZE = 2_000;

    private final DSLContext db;
    private final ZoneId zone;
    private final Clock clock;

    Backtest(DSLContext db, ReportProperties properties, Clock clock) {
        this.db = db;
        this.zone = properties.zone();
        this.clock = clock;
    }

    /**
     * @param teamId null for every team of the caller's scope, else only that team (already checked against it)
     */
    public BacktestView run(BacktestRules rules, LocalDate from, LocalDate to, AccessScope scope, String teamId) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant endOfRange = to.plusDays(1).atStartOfDay(zone).toInstant();
        Instant now = clock.instant();
        Instant end = endOfRange.isAfter(now) ? now : endOfRange;
        WeeklyTally tally = new WeeklyTally(start, end, zone, shown(scope, teamId));
        // a cursor with a fetch size streams only inside a transaction: PostgreSQL's JDBC driver
        // otherwise reads the whole result into memory
        db.transaction(transaction -> {
            try (Cursor<Record5<String, String, String, OffsetDateTime, OffsetDateTime>> history =
                         history(DSL.using(transaction), rules, start, end, customers(scope, teamId)).fetchLazy()) {
                replay(history, rules, tally, end);
            }
        });
        return tally.view(from, to, rules);
    }

    private static void replay(Cursor<Record5<String, String, String, OffsetDateTime, OffsetDateTime>> history,
                               BacktestRules rules, WeeklyTally tally, Instant end) {
        String customer = null;
        CustomerReplay replay = null;
        for (Record5<String, String, String, OffsetDateTime, OffsetDateTime> f : history) {
            if (!f.value1().equals(customer)) {
                if (replay != null) {
                    replay.openDueBefore(end);
                }
                customer = f.value1();
                replay = new CustomerReplay(rules, tally);
            }
            replay.followUp(f.value3(), f.value2(), f.value4().toInstant(),
                    f.value5() == null ? null : f.value5().toInstant());
        }
        if (replay != null) {
            replay.openDueBefore(end);
        }
    }

    private ResultQuery<Record5<String, String, String, OffsetDateTime, OffsetDateTime>> history(
            DSLContext db, BacktestRules rules, Instant start, Instant end, Condition customers) {
        OffsetDateTime from = start.atOffset(ZoneOffset.UTC);
        OffsetDateTime horizon = start.minus(rules.reach()).atOffset(ZoneOffset.UTC);
        var later = FOLLOWUP.as("later");
        var inRange = select(FOLLOWUP.EVENT_ID, FOLLOWUP.CUSTOMER_ID, FOLLOWUP.TEAM_ID, FOLLOWUP.STAGE,
                FOLLOWUP.OCCURRED_AT, FOLLOWUP.NEXT_FOLLOW_UP_AT)
                .from(FOLLOWUP)
                .where(FOLLOWUP.OCCURRED_AT.ge(from)).and(FOLLOWUP.OCCURRED_AT.lt(end.atOffset(ZoneOffset.UTC)))
                .and(customers);
        var lastBefore = select(FOLLOWUP.EVENT_ID, FOLLOWUP.CUSTOMER_ID, FOLLOWUP.TEAM_ID, FOLLOWUP.STAGE,
                FOLLOWUP.OCCURRED_AT, FOLLOWUP.NEXT_FOLLOW_UP_AT)
                .from(FOLLOWUP)
                .where(FOLLOWUP.OCCURRED_AT.lt(from))
                .and(FOLLOWUP.OCCURRED_AT.ge(horizon).or(FOLLOWUP.NEXT_FOLLOW_UP_AT.ge(from)))
                .and(customers)
                .andNotExists(select(val(1)).from(later)
                        .where(later.CUSTOMER_ID.eq(FOLLOWUP.CUSTOMER_ID))
                        .and(later.OCCURRED_AT.lt(from))
                        .and(DSL.row(later.OCCURRED_AT, later.EVENT_ID).gt(FOLLOWUP.OCCURRED_AT, FOLLOWUP.EVENT_ID)));
        var history = inRange.unionAll(lastBefore).asTable("history");
        return db.select(history.field(FOLLOWUP.CUSTOMER_ID), history.field(FOLLOWUP.TEAM_ID),
                        history.field(FOLLOWUP.STAGE), history.field(FOLLOWUP.OCCURRED_AT),
                        history.field(FOLLOWUP.NEXT_FOLLOW_UP_AT))
                .from(history)
                .orderBy(history.field(FOLLOWUP.CUSTOMER_ID), history.field(FOLLOWUP.OCCURRED_AT),
                        history.field(FOLLOWUP.EVENT_ID))
                .fetchSize(FETCH_SIZE);
    }

    /**
     * The customers whose steps the caller may count: for a manager (or a chosen team) those with a
     * follow-up of the team. All their history is replayed, follow-ups of other teams included,
     * since any follow-up resets the ladder; a step counts for the team of the latest follow-up.
     */
    private static Condition customers(AccessScope scope, String teamId) {
        Collection<String> teams = teamId != null ? List.of(teamId)
                : scope.kind() == AccessScope.Kind.TEAMS ? scope.teamIds() : null;
        if (teams == null) {
            return noCondition();
        }
        var ofTeam = FOLLOWUP.as("of_team");
        return FOLLOWUP.CUSTOMER_ID.in(select(ofTeam.CUSTOMER_ID).from(ofTeam).where(ofTeam.TEAM_ID.in(teams)));
    }

    private static Predicate<String> shown(AccessScope scope, String teamId) {
        if (teamId != null) {
            return team -> Objects.equals(team, teamId);
        }
        return switch (scope.kind()) {
            case EVERYTHING -> team -> true;
            case TEAMS -> team -> team != null && scope.teamIds().contains(team);
            case REP, NOTHING -> team -> false;
        };
    }
}
