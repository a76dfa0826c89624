package dev.pulse.report.goals;

import static dev.pulse.report.db.Tables.GOAL_NUDGE;

import dev.pulse.report.alerts.AlertNames;
import dev.pulse.report.alerts.MessageBatch;
import dev.pulse.report.alerts.Outbox;
import dev.pulse.security.AccessScope;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The robot nudge: from the configured hour of each day (reporting zone), every rep behind pace on
 * a goal of the current period gets one message listing those goals, through the alert routes
 * (the rep's, else the team's, else the default robots), the rep @mentioned. The day's nudge is
 * claimed in {@code goal_nudge} (V16) in the transaction that queues it, so a restart, a later
 * check the same day or a second report-api instance queues nothing again: a second instance's
 * insert waits for the first one's commit and then finds the row.
 */
@Component
class GoalNudges {

    private static final Logger log = LoggerFactory.getLogger(GoalNudges.class);

    private final DSLContext db;
    private final Goals goals;
    private final GoalAttainments attainments;
    private final MessageBatch batch;
    private final GoalProperties properties;
    private final java.time.Clock clock;

    GoalNudges(DSLContext db, Goals goals, GoalAttainments attainments, Outbox outbox, AlertNames names,
               GoalProperties properties, java.time.Clock clock) {
        this.db = db;
        this.goals = goals;
        this.attainments = attainments;
        this.batch = new MessageBatch(db, outbox, names);
        this.properties = properties;
        this.clock = clock;
    }

    /** Checked every ten minutes, so an instance started after the hour still nudges that day. */
    @Scheduled(cron = "0 */10 * * * *")
    void nudgeIfDue() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(attainments.zone()));
        if (now.getHour() >= properties.nudgeHour()) {
            nudgeToday();
        }
    }

    /** Queues today's nudges not queued yet; returns how many reps were nudged now. */
    int nudgeToday() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, attainments.zone());
        Set<String> nudged = new HashSet<>(db.select(GOAL_NUDGE.REP_ID).from(GOAL_NUDGE)
                .where(GOAL_NUDGE.NUDGE_DAY.eq(today)).fetch(GOAL_NUDGE.REP_ID));
        List<Goal> open = goals.list(AccessScope.everything(), today, null, null, null).stream()
                .filter(goal -> goal.scope() == Goal.Scope.REP && !nudged.contains(goal.repId())).toList();
        Map<String, List<Attainment>> behind = attainments.of(open, now).stream().filter(Attainment::behindPace)
                .collect(Collectors.groupingBy(Attainment::repId, LinkedHashMap::new, Collectors.toList()));
        if (behind.isEmpty()) {
            return 0;
        }
        int queued = batch.queue(behind.keySet(), Set.of(), (tx, lookup) -> {
            List<Outbox.Message> messages = new ArrayList<>();
            behind.forEach((rep, list) -> {
                int claimed = tx.insertInto(GOAL_NUDGE, GOAL_NUDGE.REP_ID, GOAL_NUDGE.NUDGE_DAY, GOAL_NUDGE.GOALS)
                        .values(rep, today, list.size()).onConflictDoNothing().execute();
                if (claimed == 1) {
                    messages.add(message(today, rep, list, lookup));
                }
            });
            return messages;
        });
        log.info("goal nudge queued for {} reps behind pace", queued);
        return queued;
    }

    private static Outbox.Message message(LocalDate day, String rep, List<Attainment> behind, AlertNames.Lookup lookup) {
        UUID messageId = UUID.nameUUIDFromBytes(("goal-nudge|" + rep + "|" + day).getBytes(StandardCharsets.UTF_8));
        String title = "目标进度落后 Behind pace: " + lookup.rep(rep) + " (" + behind.size() + ")";
        StringBuilder text = new StringBuilder();
        for (Attainment goal : behind) {
            text.append("- ").append(goal.metric().label()).append(": ")
                    .append(plain(goal.actual())).append(" / ").append(plain(goal.target()))
                    .append(goal.currency() == null ? "" : " " + goal.currency())
                    .append(" · 应达 expected ").append(plain(goal.expected()))
                    .append(" · 进度 pace ").append(goal.pace().movePointRight(2).stripTrailingZeros().toPlainString())
                    .append("%\n");
        }
        Map<String, Object> generic = new LinkedHashMap<>();
        generic.put("type", "goal-nudge");
        generic.put("nudgeId", messageId.toString());
        generic.put("repId", rep);
        generic.put("date", day.toString());
        generic.put("goals", behind);
        String teamId = behind.getFirst().teamId();
        return new Outbox.Message(messageId, "GOAL", generic, title, text.toString().strip(), rep, teamId, true);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
