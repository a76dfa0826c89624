package dev.pulse.report.activity;

import static dev.pulse.report.db.Tables.FOLLOWUP;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;

import dev.pulse.events.Channel;
import dev.pulse.events.activity.ActivityScope;
import dev.pulse.events.activity.Granularity;
import dev.pulse.report.drill.FactConditions;
import dev.pulse.report.followup.CustomerSource;
import dev.pulse.report.security.Scopes;
import dev.pulse.report.web.DateRange;
import dev.pulse.security.AccessScope;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * The activity of the customers of one source, counted from the follow-up facts. The processor's
 * activity rows are not kept per source, and cannot be: a customer's source is the first one its
 * history names (DESIGN.md definition 2), so a late follow-up that arrives with an earlier time can
 * move every follow-up of a customer to another source. Counting from the facts at read time is
 * always right, by the same definitions as the rows (definition 1: a follow-up counts under its own
 * rep and team, on its day in the reporting zone, duplicate entries once), and by the conditions
 * the lists behind the overview use ({@link FactConditions}), so each list is as long as its
 * figure. It costs a scan of the range's follow-ups, paid only when a source is chosen.
 */
@Repository
class ActivityBySource {

    private final DSLContext db;

    ActivityBySource(DSLContext db) {
        this.db = db;
    }

    /** The rows the activity report would hold per source: periods overlapping the range, whole. */
    List<ActivityRowView> rows(AccessScope access, ActivityScope scope, Granularity granularity, DateRange range,
                               String repId, String teamId, String source, ZoneId zone) {
        LocalDate first = granularity.periodOf(range.from()).start();
        LocalDate last = granularity.periodOf(range.to()).end();
        Condition scoped = scope == ActivityScope.REP ? Scopes.rows(access, FOLLOWUP.REP_ID, FOLLOWUP.TEAM_ID)
                : Scopes.teamRows(access, FOLLOWUP.TEAM_ID).and(FOLLOWUP.TEAM_ID.isNotNull());
        Map<RowKey, Counts> rows = new TreeMap<>(RowKey.ORDER);
        for (Touches touches : touches(FactConditions.followUpsBetween(first.atStartOfDay(zone).toOffsetDateTime(),
                last.plusDays(1).atStartOfDay(zone).toOffsetDateTime(), repId, teamId)
                .and(scoped).and(CustomerSource.is(FOLLOWUP.CUSTOMER_ID, source)), zone)) {
            Granularity.Period period = granularity.periodOf(touches.day());
            String rep = scope == ActivityScope.REP ? touches.repId() : null;
            rows.computeIfAbsent(new RowKey(period, rep, touches.teamId()), key -> new Counts()).add(touches);
        }
        List<ActivityRowView> views = new ArrayList<>(rows.size());
        rows.forEach((key, counts) -> views.add(new ActivityRowView(key.repId(), key.teamId(), key.period().bucket(),
                key.period().start(), key.period().end(), counts.followUps, counts.customers.size(),
                counts.byChannel())));
        return views;
    }

    /**
     * What one rep, under one team, did with one customer on one day over one channel: the grain
     * every activity figure adds up from.
     */
    private List<Touches> touches(Condition which, ZoneId zone) {
        Field<LocalDate> day = DSL.field("({0} at time zone {1})::date", LocalDate.class, FOLLOWUP.OCCURRED_AT,
                inline(zone.getId()));
        return db.select(FOLLOWUP.REP_ID, FOLLOWUP.TEAM_ID, day, FOLLOWUP.CUSTOMER_ID, FOLLOWUP.CHANNEL, count())
                .from(FOLLOWUP).where(which)
                .groupBy(FOLLOWUP.REP_ID, FOLLOWUP.TEAM_ID, day, FOLLOWUP.CUSTOMER_ID, FOLLOWUP.CHANNEL)
                .fetch(r -> new Touches(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    private record Touches(String repId, String teamId, LocalDate day, String customerId, String channel, long followUps) {
    }

    /** A row's identity; ordered as the activity rows are read: period, then team and rep, missing ones last. */
    private record RowKey(Granularity.Period period, String repId, String teamId) {

        static final Comparator<RowKey> ORDER = Comparator
                .comparing((RowKey key) -> key.period().start())
                .thenComparing(RowKey::teamId, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(RowKey::repId, Comparator.nullsLast(Comparator.naturalOrder()));
    }

    private static final class Counts {
        long followUps;
        final Set<String> customers = new HashSet<>();
        final Map<String, Long> channels = new HashMap<>();

        void add(Touches touches) {
            followUps += touches.followUps();
            customers.add(touches.customerId());
            channels.merge(Objects.requireNonNull(touches.channel()), touches.followUps(), Long::sum);
        }

        /** In the channels' order, as the activity rows list them. */
        Map<String, Long> byChannel() {
            Map<String, Long> ordered = new LinkedHashMap<>();
            for (Channel channel : Channel.values()) {
                Long count = channels.get(channel.name());
                if (count != null) {
                    ordered.put(channel.name(), count);
                }
            }
            return ordered;
        }
    }
}
