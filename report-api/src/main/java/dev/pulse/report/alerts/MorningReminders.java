package dev.pulse.report.alerts;

import static dev.pulse.report.db.Tables.FOLLOWUP;

import dev.pulse.events.Pipeline;
import dev.pulse.events.Stage;
import dev.pulse.report.config.ReportProperties;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The morning reminder, before it is late: each rep gets the follow-ups planned for today and the
 * customers who will turn stale today (their last follow-up plus the stage's threshold falls
 * today); each team's route gets the team's list, for its manager. A customer's state is its latest
 * follow-up by event time, as the stream processor sees it; customers in a terminal stage need
 * nothing. The message id derives from the day and whose list it is, so a second run on one day
 * queues nothing new.
 */
@Component
class MorningReminders {

    private static final Logger log = LoggerFactory.getLogger(MorningReminders.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** One customer on today's list: planned today (at = the planned time) or turning stale today (at = when). */
    record Item(String customerId, String customerName, String repId, String teamId, String stage, boolean planned,
                Instant at) {
    }

    private final DSLContext db;
    private final MessageBatch batch;
    private final Pipeline pipeline;
    private final ReminderProperties properties;
    private final ReportProperties report;
    private final Clock clock;

    MorningReminders(DSLContext db, Outbox outbox, AlertNames names, Pipeline pipeline, ReminderProperties properties,
                     ReportProperties report, Clock clock) {
        this.db = db;
        this.batch = new MessageBatch(db, outbox, names);
        this.pipeline = pipeline;
        this.properties = properties;
        this.report = report;
        this.clock = clock;
    }

    /**
     * What the morning reminder of {@code day} holds for one rep (or one team's manager), as the API
     * shows it: the same list the robots get, before or after it was sent.
     */
    record Reminder(String scope, String id, LocalDate date, List<Item> planned, List<Item> turningStale) {
    }

    Reminder forRep(String repId, LocalDate day) {
        return reminder("rep", repId, day, Item::repId);
    }

    Reminder forTeam(String teamId, LocalDate day) {
        return reminder("team", teamId, day, Item::teamId);
    }

    private Reminder reminder(String scope, String id, LocalDate day, Function<Item, String> whose) {
        List<Item> items = dueOn(day).stream().filter(item -> id.equals(whose.apply(item))).toList();
        return new Reminder(scope, id, day, items.stream().filter(Item::planned).toList(),
                items.stream().filter(item -> !item.planned()).toList());
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(report.zone()));
    }

    @Scheduled(cron = "${pulse.reminders.cron:0 30 8 * * *}", zone = "${pulse.report.zone:Asia/Shanghai}")
    void sendToday() {
        LocalDate today = today();
        List<Item> items = dueOn(today);
        Map<String, List<Item>> byRep = group(items, Item::repId);
        Map<String, List<Item>> byTeam = group(items, Item::teamId);
        batch.queue(byRep.keySet(), byTeam.keySet(), (tx, lookup) -> {
            List<Outbox.Message> messages = new ArrayList<>();
            byRep.forEach((rep, list) -> messages.add(message(today, true, rep, list, lookup)));
            byTeam.forEach((team, list) -> messages.add(message(today, false, team, list, lookup)));
            return messages;
        });
        log.info("morning reminder queued for {} reps and {} teams ({} customers)", byRep.size(), byTeam.size(), items.size());
    }

    /** Today's list: each customer whose latest follow-up plans the next one on {@code day} or turns stale on it. */
    List<Item> dueOn(LocalDate day) {
        Instant start = day.atStartOfDay(report.zone()).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(report.zone()).toInstant();
        List<Item> items = new ArrayList<>();
        db.select(FOLLOWUP.CUSTOMER_ID, FOLLOWUP.CUSTOMER_NAME, FOLLOWUP.REP_ID, FOLLOWUP.TEAM_ID, FOLLOWUP.STAGE,
                        FOLLOWUP.OCCURRED_AT, FOLLOWUP.NEXT_FOLLOW_UP_AT)
                .distinctOn(FOLLOWUP.CUSTOMER_ID)
                .from(FOLLOWUP)
                .orderBy(FOLLOWUP.CUSTOMER_ID, FOLLOWUP.OCCURRED_AT.desc(), FOLLOWUP.EVENT_ID.desc())
                .forEach(r -> {
                    if (pipeline.find(r.value5()).map(Stage::terminal).orElse(false)) {
                        return;
                    }
                    Instant next = instant(r.value7());
                    if (next != null && !next.isBefore(start) && next.isBefore(end)) {
                        items.add(new Item(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), true, next));
                        return;
                    }
                    Duration threshold = properties.staleThresholds().get(r.value5());
                    Instant stale = threshold == null ? null : instant(r.value6()).plus(threshold);
                    if (stale != null && !stale.isBefore(start) && stale.isBefore(end)) {
                        items.add(new Item(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), false, stale));
                    }
                });
        return items;
    }

    private Outbox.Message message(LocalDate day, boolean rep, String id, List<Item> items, AlertNames.Lookup lookup) {
        UUID messageId = UUID.nameUUIDFromBytes(("reminder|" + (rep ? "rep|" : "team|") + id + "|" + day)
                .getBytes(StandardCharsets.UTF_8));
        String whose = rep ? lookup.rep(id) : lookup.team(id);
        String title = "今日提醒 Today's follow-ups: " + whose + " (" + items.size() + ")";
        StringBuilder text = new StringBuilder();
        section(text, "今日计划跟进 Planned for today", items.stream().filter(Item::planned).toList(), rep, lookup);
        section(text, "今日将久未跟进 Turning stale today", items.stream().filter(item -> !item.planned()).toList(), rep, lookup);
        Map<String, Object> generic = new LinkedHashMap<>();
        generic.put("type", "reminder");
        generic.put("reminderId", messageId.toString());
        generic.put("scope", rep ? "rep" : "team");
        generic.put("id", id);
        generic.put("date", day.toString());
        generic.put("customers", items);
        String teamId = rep ? items.stream().map(Item::teamId).filter(Objects::nonNull).findFirst().orElse(null) : id;
        return new Outbox.Message(messageId, "REMINDER", generic, title, text.toString().strip(), rep ? id : null, teamId, rep);
    }

    private void section(StringBuilder text, String heading, List<Item> items, boolean rep, AlertNames.Lookup lookup) {
        if (items.isEmpty()) {
            return;
        }
        text.append(heading).append(":\n");
        for (Item item : items) {
            String link = lookup.customerLink(item.customerId());
            text.append("- ").append(item.customerName() == null ? item.customerId() : item.customerName())
                    .append(" · ").append(lookup.stage(item.stage()))
                    .append(" · ").append(TIME.format(item.at().atZone(report.zone())))
                    .append(rep ? "" : " · " + lookup.rep(item.repId()))
                    .append(link == null ? "" : " " + link).append('\n');
        }
    }

    private static Map<String, List<Item>> group(List<Item> items, Function<Item, String> key) {
        return items.stream().filter(item -> key.apply(item) != null)
                .collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList()));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
