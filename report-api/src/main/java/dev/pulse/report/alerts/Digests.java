package dev.pulse.report.alerts;

import dev.pulse.report.config.ReportProperties;
import dev.pulse.security.AccessScope;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily digest: for each rep and each team (for its manager), the customers to call today.
 * Sent once a day through the webhook outbox; the digest id derives from date and scope, so a
 * second run on the same day queues nothing new.
 */
@Component
class Digests {

    private static final Logger log = LoggerFactory.getLogger(Digests.class);

    /** A digest: whose it is, for which day, and the open alerts in it. */
    record Digest(String scope, String id, LocalDate date, List<StaleCustomerView> rows) {
    }

    private final AlertRepository repository;
    private final MessageBatch batch;
    private final ReportProperties report;
    private final Clock clock;

    Digests(AlertRepository repository, Outbox outbox, AlertNames names, DSLContext db, ReportProperties report,
            Clock clock) {
        this.repository = repository;
        this.batch = new MessageBatch(db, outbox, names);
        this.report = report;
        this.clock = clock;
    }

    Digest forRep(AccessScope scope, String repId) {
        return new Digest("rep", repId, today(),
                onePerCustomer(repository.staleCustomers(scope, repId, null, null, clock.instant())));
    }

    Digest forTeam(AccessScope scope, String teamId) {
        return new Digest("team", teamId, today(),
                onePerCustomer(repository.staleCustomers(scope, null, teamId, null, clock.instant())));
    }

    /**
     * A digest names each customer to call once. A customer on the ladder has its STALE alert and its
     * ESCALATED one open together, and may be OVERDUE as well: the row kept is the furthest step
     * (ESCALATED, then STALE, then OVERDUE), in the order of the list.
     */
    static List<StaleCustomerView> onePerCustomer(List<StaleCustomerView> rows) {
        Map<String, StaleCustomerView> byCustomer = new LinkedHashMap<>();
        for (StaleCustomerView row : rows) {
            byCustomer.merge(row.customerId(), row, (kept, other) -> step(other) > step(kept) ? other : kept);
        }
        return List.copyOf(byCustomer.values());
    }

    private static int step(StaleCustomerView row) {
        return switch (row.kind()) {
            case "ESCALATED" -> 2;
            case "STALE" -> 1;
            default -> 0;
        };
    }

    @Scheduled(cron = "${pulse.alerts.digest-cron:0 0 9 * * *}", zone = "${pulse.report.zone:Asia/Shanghai}")
    void sendDaily() {
        List<StaleCustomerView> open = onePerCustomer(
                repository.staleCustomers(AccessScope.everything(), null, null, null, clock.instant()));
        Map<String, List<StaleCustomerView>> byRep = open.stream().filter(r -> r.repId() != null)
                .collect(Collectors.groupingBy(StaleCustomerView::repId, LinkedHashMap::new, Collectors.toList()));
        Map<String, List<StaleCustomerView>> byTeam = open.stream().filter(r -> r.teamId() != null)
                .collect(Collectors.groupingBy(StaleCustomerView::teamId, LinkedHashMap::new, Collectors.toList()));
        batch.queue(byRep.keySet(), byTeam.keySet(), (tx, lookup) -> {
            List<Outbox.Message> messages = new ArrayList<>();
            byRep.forEach((rep, rows) -> messages.add(message(new Digest("rep", rep, today(), rows), lookup)));
            byTeam.forEach((team, rows) -> messages.add(message(new Digest("team", team, today(), rows), lookup)));
            return messages;
        });
        log.info("daily digest queued for {} reps and {} teams", byRep.size(), byTeam.size());
    }

    /** A rep's digest takes the rep's route (else the team's) and @mentions the rep; a team's takes the team's. */
    private static Outbox.Message message(Digest digest, AlertNames.Lookup names) {
        UUID digestId = UUID.nameUUIDFromBytes(("digest|" + digest.scope() + "|" + digest.id() + "|" + digest.date())
                .getBytes(StandardCharsets.UTF_8));
        Map<String, Object> generic = new LinkedHashMap<>();
        generic.put("type", "digest");
        generic.put("digestId", digestId.toString());
        generic.put("scope", digest.scope());
        generic.put("id", digest.id());
        generic.put("date", digest.date().toString());
        generic.put("customers", digest.rows());
        boolean rep = digest.scope().equals("rep");
        String whose = rep ? names.rep(digest.id()) : names.team(digest.id());
        String title = "今日待跟进 Who to call today: " + whose + " (" + digest.rows().size() + ")";
        String text = digest.rows().stream()
                .map(r -> "- " + (r.customerName() == null ? r.customerId() : r.customerName()) + " · "
                        + names.stage(r.stage()) + " · " + AlertMessages.kindLabel(r.kind())
                        + " · " + r.daysSince() + " 天 days" + (rep ? "" : " · " + names.rep(r.repId()))
                        + link(names.customerLink(r.customerId())))
                .collect(Collectors.joining("\n"));
        String teamId = rep ? digest.rows().stream().map(StaleCustomerView::teamId).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null) : digest.id();
        return new Outbox.Message(digestId, "DIGEST", generic, title, text, rep ? digest.id() : null, teamId, rep);
    }

    private static String link(String url) {
        return url == null ? "" : " " + url;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(report.zone()));
    }
}
