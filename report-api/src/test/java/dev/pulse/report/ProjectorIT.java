package dev.pulse.report;

import static dev.pulse.report.RunningReport.json;
import static dev.pulse.report.Samples.bytes;
import static dev.pulse.report.Samples.eventId;
import static dev.pulse.report.Samples.followUp;
import static dev.pulse.report.Samples.sale;
import static dev.pulse.report.Samples.touch;
import static dev.pulse.report.Samples.unique;
import static dev.pulse.testsupport.TestPostgres.queryLong;
import static dev.pulse.testsupport.TestPostgres.queryRows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pulse.events.JsonSerde;
import dev.pulse.events.TopicNames;
import dev.pulse.events.activity.ActivityRow;
import dev.pulse.events.activity.ActivityScope;
import dev.pulse.events.activity.Granularity;
import dev.pulse.events.alerts.Alert;
import dev.pulse.events.alerts.AlertKind;
import dev.pulse.events.alerts.AlertStatus;
import dev.pulse.events.changes.CustomerChange;
import dev.pulse.events.duplicates.DuplicateFlag;
import dev.pulse.events.duplicates.DuplicateType;
import dev.pulse.events.funnel.FunnelCell;
import dev.pulse.testsupport.PortForwarder;
import dev.pulse.testsupport.TestPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import tools.jackson.databind.node.ObjectNode;

/**
 * The projector against a real broker and a real PostgreSQL: records go onto the topics as the
 * ingest service and the stream processor write them (some in Kafka transactions), and what lands
 * in the read model is read back with plain SQL and through the HTTP API.
 *
 * <p>The rules of projection share one running application, each test on keys of its own. The
 * restart and the outage each get a database, a consumer group and topics nobody else writes to,
 * because they assert totals and offsets.
 */
class ProjectorIT {

    private static final Duration PROJECTED = Duration.ofSeconds(30);

    @RegisterExtension
    static final ReportStack stack = new ReportStack("projector-it", "projection_rules");

    @Nested
    class Rules {

        @Test
        void shouldAddUpTheActivityChangesOfABatchAndLandTheRowsOfOtherKeys() {
            // given three follow-ups of one rep's day (two phone calls to two new customers, then a WeChat
            // message to one of them) and seven of another rep (two new customers), committed together
            String rep = unique("rep"), otherRep = unique("rep");
            List<ProducerRecord<String, byte[]>> changes = new ArrayList<>();
            changes.add(change(rep + "-C1", touch(rep, "east", "2026-03-03", "PHONE", Granularity.values())));
            changes.add(change(rep + "-C2", touch(rep, "east", "2026-03-03", "PHONE", Granularity.values())));
            changes.add(change(rep + "-C1", touch(rep, "east", "2026-03-03", "WECHAT")));
            for (int i = 0; i < 7; i++) {
                String customer = otherRep + "-C" + (i % 2);
                changes.add(change(customer, i < 2
                        ? touch(otherRep, "east", "2026-03-03", "PHONE", Granularity.values())
                        : touch(otherRep, "east", "2026-03-03", i == 6 ? "WECHAT" : "PHONE")));
            }
            try (var transactional = stack.kafka().transactionalProducer()) {
                transactional.beginTransaction();
                changes.forEach(transactional::send);
                transactional.commitTransaction();
            }

            // when
            await().atMost(PROJECTED).until(() -> queryRows(stack.jdbcUrl(),
                    "select follow_ups from rep_activity where rep_id in (?, ?) and granularity = 'DAY' order by follow_ups",
                    rep, otherRep).equals(List.of("3", "7")));

            // then
            assertThat(queryRows(stack.jdbcUrl(), """
                    select rep_id, team_id, scope, granularity, bucket, period_start, period_end, follow_ups, customers,
                           ch_phone, ch_wechat, ch_email, ch_meeting, ch_visit, ch_other
                    from rep_activity where row_key = ?""",
                    ActivityRow.keyOf(ActivityScope.REP, Granularity.DAY, "2026-03-03", rep, "east")))
                    .containsExactly(rep + " | east | REP | DAY | 2026-03-03 | 2026-03-03 | 2026-03-03 | 3 | 2 | 2 | 1 | 0 | 0 | 0 | 0");
            assertThat(queryRows(stack.jdbcUrl(), "select follow_ups, customers, ch_phone, ch_wechat from rep_activity "
                    + "where rep_id = ? and granularity = 'DAY'", otherRep))
                    .containsExactly("7 | 2 | 6 | 1");
            assertThat(stack.report().getJson("/api/v1/reports/rep-activity?from=2026-03-03&to=2026-03-03&repId=" + rep))
                    .isEqualTo(json("""
                            {"rows": [{"repId": "%s", "teamId": "east", "bucket": "2026-03-03",
                                       "periodStart": "2026-03-03", "periodEnd": "2026-03-03", "followUps": 3,
                                       "customers": 2, "byChannel": {"PHONE": 2, "WECHAT": 1}}]}""".formatted(rep)));
        }

        @Test
        void shouldAddUpTwoChangesOfOneActivityRowInOnePollAndInTwoPolls() {
            // given a rep and team of their own; Thursday 2026-03-05 and Friday 03-06 share ISO week and month
            String rep = unique("rep"), team = unique("team");
            String first = rep + "-C1", second = rep + "-C2";

            // when two changes of the same rows come in one transaction on one partition (one poll):
            // a phone call to a new customer, then a WeChat message to the same customer
            try (var transactional = stack.kafka().transactionalProducer()) {
                transactional.beginTransaction();
                transactional.send(change(first, touch(rep, team, "2026-03-05", "PHONE", Granularity.values())));
                transactional.send(change(first, touch(rep, team, "2026-03-05", "WECHAT")));
                transactional.commitTransaction();
            }
            awaitActivity(rep, team, List.of(
                    "REP | DAY | 2026-03-05 | 2 | 1 | 1 | 1 | 0 | 0 | 0",
                    "REP | MONTH | 2026-03 | 2 | 1 | 1 | 1 | 0 | 0 | 0",
                    "REP | WEEK | 2026-W10 | 2 | 1 | 1 | 1 | 0 | 0 | 0",
                    "TEAM | DAY | 2026-03-05 | 2 | 1 | 1 | 1 | 0 | 0 | 0",
                    "TEAM | MONTH | 2026-03 | 2 | 1 | 1 | 1 | 0 | 0 | 0",
                    "TEAM | WEEK | 2026-W10 | 2 | 1 | 1 | 1 | 0 | 0 | 0"));

            // and then in two more polls: a visit to a second, new customer, and an email to that customer the next day
            send(stack.topics().changes(), second, bytes(touch(rep, team, "2026-03-05", "VISIT", Granularity.values())));
            awaitActivity(rep, team, List.of(
                    "REP | DAY | 2026-03-05 | 3 | 2 | 1 | 1 | 0 | 0 | 1",
                    "REP | MONTH | 2026-03 | 3 | 2 | 1 | 1 | 0 | 0 | 1",
                    "REP | WEEK | 2026-W10 | 3 | 2 | 1 | 1 | 0 | 0 | 1",
                    "TEAM | DAY | 2026-03-05 | 3 | 2 | 1 | 1 | 0 | 0 | 1",
                    "TEAM | MONTH | 2026-03 | 3 | 2 | 1 | 1 | 0 | 0 | 1",
                    "TEAM | WEEK | 2026-W10 | 3 | 2 | 1 | 1 | 0 | 0 | 1"));
            send(stack.topics().changes(), second, bytes(touch(rep, team, "2026-03-06", "EMAIL", Granularity.DAY)));

            // then every row holds exactly the sum of its changes
            awaitActivity(rep, team, List.of(
                    "REP | DAY | 2026-03-05 | 3 | 2 | 1 | 1 | 0 | 0 | 1",
                    "REP | DAY | 2026-03-06 | 1 | 1 | 0 | 0 | 1 | 0 | 0",
                    "REP | MONTH | 2026-03 | 4 | 2 | 1 | 1 | 1 | 0 | 1",
                    "REP | WEEK | 2026-W10 | 4 | 2 | 1 | 1 | 1 | 0 | 1",
                    "TEAM | DAY | 2026-03-05 | 3 | 2 | 1 | 1 | 0 | 0 | 1",
                    "TEAM | DAY | 2026-03-06 | 1 | 1 | 0 | 0 | 1 | 0 | 0",
                    "TEAM | MONTH | 2026-03 | 4 | 2 | 1 | 1 | 1 | 0 | 1",
                    "TEAM | WEEK | 2026-W10 | 4 | 2 | 1 | 1 | 1 | 0 | 1"));
            assertThat(stack.report().getJson("/api/v1/reports/rep-activity?from=2026-03-02&to=2026-03-08&granularity=week&repId="
                    + rep).get("rows").get(0).get("followUps").asLong()).isEqualTo(4);
        }

        @Test
        void shouldAnswerAsOfTheAcceptanceTimeOfTheNewestChangeProjected() {
            // given a change accepted (its Kafka timestamp) five minutes ahead of every other record of this run
            String rep = unique("rep"), team = unique("team");
            Instant newest = Instant.now().plus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.MILLIS);
            sendAt(newest, rep + "-C1", bytes(touch(rep, team, "2026-03-10", "PHONE", Granularity.DAY)));
            await().atMost(PROJECTED).untilAsserted(() ->
                    assertThat(stack.report().getJson("/api/v1/freshness").get("asOf").asString()).isEqualTo(newest.toString()));

            // when an older change (a replayed day-old record) is projected after it
            sendAt(newest.minus(Duration.ofDays(1)), rep + "-C2", bytes(touch(rep, team, "2026-03-10", "EMAIL", Granularity.DAY)));
            // (both new customers of the day only; Tuesday 2026-03-10 is in ISO week 11)
            awaitActivity(rep, team, List.of(
                    "REP | DAY | 2026-03-10 | 2 | 2 | 1 | 0 | 1 | 0 | 0",
                    "REP | MONTH | 2026-03 | 2 | 0 | 1 | 0 | 1 | 0 | 0",
                    "REP | WEEK | 2026-W11 | 2 | 0 | 1 | 0 | 1 | 0 | 0",
                    "TEAM | DAY | 2026-03-10 | 2 | 2 | 1 | 0 | 1 | 0 | 0",
                    "TEAM | MONTH | 2026-03 | 2 | 0 | 1 | 0 | 1 | 0 | 0",
                    "TEAM | WEEK | 2026-W11 | 2 | 0 | 1 | 0 | 1 | 0 | 0"));

            // then the reports are still as of the newest one, and nothing waits on the partitions
            var freshness = stack.report().getJson("/api/v1/freshness");
            assertThat(freshness.get("asOf").asString()).isEqualTo(newest.toString());
            assertThat(freshness.get("lagRecords").asLong()).isZero();
            assertThat(freshness.get("lagMs").isNumber()).isTrue();
        }

        @Test
        void shouldAddUpFunnelChangesAndDeleteACellThatReachesZeroCustomers() {
            // given a rep of its own: customer 1 comes in as a lead, then qualifies after 2 days (one poll)
            String rep = unique("rep");
            FunnelCell lead = FunnelCells.cell("2027-05-10", rep, "east", "web").customers(1).reached("LEAD", 1)
                    .current("LEAD", 1).build();
            FunnelCell qualified = FunnelCells.cell("2027-05-10", rep, "east", "web").reached("QUALIFIED", 1)
                    .current("LEAD", -1, "QUALIFIED", 1).transitions("LEAD>QUALIFIED", 1).days("LEAD", 2, 1).build();
            try (var transactional = stack.kafka().transactionalProducer()) {
                transactional.beginTransaction();
                transactional.send(change(rep + "-C1", FunnelCells.change(lead)));
                transactional.send(change(rep + "-C1", FunnelCells.change(qualified)));
                transactional.commitTransaction();
            }
            awaitCell(lead.key(), "1 | 0");

            // when customer 2 comes in as a lead (a second poll)
            send(stack.topics().changes(), rep + "-C2", FunnelCells.bytes(FunnelCells.change(lead)));
            awaitCell(lead.key(), "2 | 0");

            // then the cell is the sum of the three changes
            var funnel = stack.report().getJson("/api/v1/reports/funnel?from=2027-05-10&to=2027-05-10&repId=" + rep);
            assertThat(funnel.get("customers").asLong()).isEqualTo(2);
            assertThat(funnel.get("stages").get(0)).isEqualTo(json("""
                    {"stage": "LEAD", "nameZh": "潜在客户", "nameEn": "Lead", "reached": 2, "current": 1}"""));
            assertThat(funnel.get("stages").get(1)).isEqualTo(json("""
                    {"stage": "QUALIFIED", "nameZh": "意向客户", "nameEn": "Qualified", "reached": 1, "current": 1}"""));
            assertThat(stack.report().getJson("/api/v1/reports/time-in-stage?from=2027-05-10&to=2027-05-10&repId=" + rep)
                    .get("rows").get(0)).isEqualTo(json("""
                    {"stage": "LEAD", "customers": 1, "medianDays": 2}"""));

            // when both customers move to another rep's cell (say, reassigned), each in one change: minus here, plus there
            String heir = unique("rep");
            FunnelCell customer1 = lead.plus(qualified);
            FunnelCell moved1 = FunnelCells.cell("2027-05-10", heir, "east", "web").customers(1)
                    .reached("LEAD", 1, "QUALIFIED", 1).current("QUALIFIED", 1).transitions("LEAD>QUALIFIED", 1)
                    .days("LEAD", 2, 1).build();
            FunnelCell moved2 = FunnelCells.cell("2027-05-10", heir, "east", "web").customers(1).reached("LEAD", 1)
                    .current("LEAD", 1).build();
            send(stack.topics().changes(), rep + "-C1",
                    FunnelCells.bytes(FunnelCells.change(FunnelCells.minus(customer1), moved1)));
            awaitCell(lead.key(), "1 | 0");
            // then the rows customer 1 alone made in the cell it left are deleted, not kept at zero
            assertThat(queryRows(stack.jdbcUrl(), "select stage || ' ' || reached || ' ' || at_stage from funnel_stage"
                    + " where cell_key = ? order by stage", lead.key())).containsExactly("LEAD 1 1");
            assertThat(queryLong(stack.jdbcUrl(), "select count(*) from funnel_transition where cell_key = ?", lead.key())).isZero();
            assertThat(queryLong(stack.jdbcUrl(), "select count(*) from funnel_stage_days where cell_key = ?", lead.key())).isZero();
            assertThat(queryLong(stack.jdbcUrl(), "select (select count(*) from funnel_stage where reached = 0 and at_stage = 0)"
                    + " + (select count(*) from funnel_transition where n = 0)"
                    + " + (select count(*) from funnel_stage_days where n = 0)")).as("zero rows in the typed rollups").isZero();
            send(stack.topics().changes(), rep + "-C2", FunnelCells.bytes(FunnelCells.change(FunnelCells.minus(lead), moved2)));

            // then the emptied cell is deleted and the other holds both customers
            await().atMost(PROJECTED).until(() -> queryLong(stack.jdbcUrl(),
                    "select count(*) from funnel_cell where cell_key = ?", lead.key()) == 0);
            assertThat(queryRows(stack.jdbcUrl(), "select customers from funnel_cell where rep_id = ?", heir))
                    .containsExactly("2");
            assertThat(stack.report().getJson("/api/v1/reports/funnel?from=2027-05-10&to=2027-05-10&repId=" + rep)
                    .get("customers").asLong()).isZero();
            assertThat(stack.report().getJson("/api/v1/reports/funnel?from=2027-05-10&to=2027-05-10&repId=" + heir))
                    .isEqualTo(funnel);
        }

        @Test
        void shouldNotKeepACellWhoseChangesCancelOutInOnePoll() {
            // given a lead that comes into a cell and leaves it again, then a marker change, all on one partition
            String rep = unique("rep");
            FunnelCell passing = FunnelCells.cell("2027-05-11", rep, "east", "web").customers(1).reached("LEAD", 1)
                    .current("LEAD", 1).build();
            FunnelCell marker = FunnelCells.cell("2027-05-12", rep, "east", "web").customers(1).reached("LEAD", 1)
                    .current("LEAD", 1).build();
            try (var transactional = stack.kafka().transactionalProducer()) {
                transactional.beginTransaction();
                transactional.send(change(rep + "-C1", FunnelCells.change(passing)));
                transactional.send(change(rep + "-C1", FunnelCells.change(FunnelCells.minus(passing))));
                transactional.send(change(rep + "-C1", FunnelCells.change(marker)));
                transactional.commitTransaction();
            }

            // when
            awaitCell(marker.key(), "1 | 0");

            // then
            assertThat(queryLong(stack.jdbcUrl(), "select count(*) from funnel_cell where cell_key = ?", passing.key())).isZero();
        }

        @Test
        void shouldProjectAFollowUpDeliveredTwiceOnlyOnce() {
            // given one follow-up sent twice with the same eventId (a producer retry), then a later one
            String customer = unique("C");
            ObjectNode twice = followUp(customer);
            ObjectNode later = followUp(customer).put("occurredAt", "2026-03-04T02:00:00Z").put("stage", "PROPOSAL");
            send(stack.topics().followups(), customer, bytes(twice));
            send(stack.topics().followups(), customer, bytes(twice));
            send(stack.topics().followups(), customer, bytes(later));

            // when
            awaitOneRow(stack.jdbcUrl(), "select count(*) from followup where event_id = ?::uuid", eventId(later));

            // then
            assertThat(queryRows(stack.jdbcUrl(),
                    "select event_id, stage from followup where customer_id = ? order by occurred_at", customer))
                    .containsExactly(eventId(twice) + " | QUALIFIED", eventId(later) + " | PROPOSAL");
            assertThat(stack.report().getJson("/api/v1/followups?customerId=" + customer).get("rows"))
                    .extracting(row -> row.get("eventId").asString())
                    .containsExactly(eventId(later), eventId(twice));
        }

        @Test
        void shouldKeepTheExpectedDealOfAFollowUpAndLeaveItEmptyOnOneWithout() {
            // given: issue 15's expected amount, currency and close date on one follow-up, none on the next
            String customer = unique("C");
            ObjectNode withDeal = followUp(customer).put("stage", "QUOTE").put("expectedAmount", "128000.25")
                    .put("expectedCurrency", "USD").put("expectedCloseDate", "2026-04-30");
            ObjectNode without = followUp(customer).put("occurredAt", "2026-03-04T02:00:00Z");
            send(stack.topics().followups(), customer, bytes(withDeal));
            send(stack.topics().followups(), customer, bytes(without));

            // when
            awaitOneRow(stack.jdbcUrl(), "select count(*) from followup where event_id = ?::uuid", eventId(without));

            // then
            assertThat(queryRows(stack.jdbcUrl(), "select expected_amount, expected_currency, expected_close_date from followup"
                    + " where customer_id = ? order by occurred_at", customer))
                    .containsExactly("128000.2500 | USD | 2026-04-30", "null | null | null");
        }

        @Test
        void shouldIgnoreASaleRepeatingAnOrderIdUnderANewEventIdAndProjectTheSalesAfterIt() {
            // given order O1 sold, then O1 again under a new eventId (a re-imported sheet), then order O2
            String customer = unique("C"), team = unique("team");
            String o1 = unique("O1"), o2 = unique("O2");
            ObjectNode sold = sale(customer, o1, "100.00").put("teamId", team);
            ObjectNode resold = sale(customer, o1, "999.00").put("teamId", team);
            ObjectNode next = sale(customer, o2, "50.25").put("teamId", team);
            for (ObjectNode sale : List.of(sold, resold, next)) {
                send(stack.topics().sales(), customer, bytes(sale));
            }

            // when
            awaitOneRow(stack.jdbcUrl(), "select count(*) from sale where event_id = ?::uuid", eventId(next));

            // then
            assertThat(queryRows(stack.jdbcUrl(),
                    "select order_id, event_id, amount from sale where customer_id = ? order by order_id", customer))
                    .containsExactly(o1 + " | " + eventId(sold) + " | 100.0000", o2 + " | " + eventId(next) + " | 50.2500");
            // 2026-03-20T08:30Z is 16:30 on the 20th in Shanghai: 100.00 + 50.25
            assertThat(stack.report().getJson("/api/v1/reports/summary?from=2026-03-20&to=2026-03-20&teamId=" + team))
                    .isEqualTo(json("""
                            {"followUps": 0, "activeReps": 0, "teams": 0, "customerTouches": 0,
                             "sales": 2, "revenueByCurrency": {"CNY": 150.25}}"""));
        }

        @Test
        void shouldSkipPoisonOnTheFollowUpsTopicAndProjectTheRecordsAfterIt() {
            // given, on one partition (one key): bytes that are not JSON, JSON that is no follow-up, then a good record
            String customer = unique("C");
            ObjectNode good = followUp(customer);
            send(stack.topics().followups(), customer, "客户跟进 {not json".getBytes(StandardCharsets.UTF_8));
            send(stack.topics().followups(), customer,
                    "{\"customerId\": \"%s\"}".formatted(customer).getBytes(StandardCharsets.UTF_8));
            send(stack.topics().followups(), customer, bytes(good));

            // when
            awaitOneRow(stack.jdbcUrl(), "select count(*) from followup where event_id = ?::uuid", eventId(good));

            // then
            assertThat(queryRows(stack.jdbcUrl(), "select event_id from followup where customer_id = ?", customer))
                    .containsExactly(eventId(good));
        }

        @Test
        void shouldNeverProjectTheRecordsOfAnAbortedTransaction() {
            // given two follow-ups in a transaction that is aborted, then one in a committed transaction, all on one key
            String customer = unique("C");
            ObjectNode aborted1 = followUp(customer), aborted2 = followUp(customer), committed = followUp(customer);
            try (var transactional = stack.kafka().transactionalProducer()) {
                transactional.beginTransaction();
                transactional.send(new ProducerRecord<>(stack.topics().followups(), customer, bytes(aborted1)));
                transactional.send(new ProducerRecord<>(stack.topics().followups(), customer, bytes(aborted2)));
                transactional.flush();
                transactional.abortTransaction();
                transactional.beginTransaction();
                transactional.send(new ProducerRecord<>(stack.topics().followups(), customer, bytes(committed)));
                transactional.commitTransaction();
            }

            // when the committed record, which lies after the aborted ones, is projected
            awaitOneRow(stack.jdbcUrl(), "select count(*) from followup where event_id = ?::uuid", eventId(committed));

            // then
            assertThat(queryRows(stack.jdbcUrl(), "select event_id from followup where customer_id = ?", customer))
                    .containsExactly(eventId(committed));
        }

        @Test
        void shouldSkipIncompleteChangesAndProjectTheRecordsAfterThem() {
            // given an application of its own, since the bug stops its projection for good
            TopicNames ownTopics = stack.kafka().topics("-incomplete-change");
            String database = stack.postgres().createDatabase("incomplete_change");
            try (RunningReport app = RunningReport.start(database, stack.kafka().bootstrapServers(), "incomplete-change",
                    TestKafka.topicSettings(ownTopics))) {
                // when, on one partition (one key), an activity touch without day and channel, a funnel change
                // without cohort day, bytes that are no change and a tombstone arrive, then a good change
                String customer = unique("C");
                send(ownTopics.changes(), customer, "{\"activity\": {\"repId\": \"rep-x\"}}".getBytes(StandardCharsets.UTF_8));
                send(ownTopics.changes(), customer,
                        "{\"funnel\": [{\"repId\": \"rep-x\", \"customers\": 1}]}".getBytes(StandardCharsets.UTF_8));
                send(ownTopics.changes(), customer, "{\"activity\": 42".getBytes(StandardCharsets.UTF_8));
                send(ownTopics.changes(), customer, null);
                send(ownTopics.changes(), customer, bytes(touch("rep-y", null, "2026-03-03", "PHONE", Granularity.DAY)));

                // then only the good change is projected: three rows of rep-y, no team, no funnel cell
                await().atMost(PROJECTED).until(() -> queryLong(database, "select count(*) from rep_activity") == 3);
                assertThat(queryRows(database, "select rep_id, granularity, follow_ups, customers from rep_activity "
                        + "order by granularity"))
                        .containsExactly("rep-y | DAY | 1 | 1", "rep-y | MONTH | 1 | 0", "rep-y | WEEK | 1 | 0");
                assertThat(queryLong(database, "select count(*) from funnel_cell")).isZero();
            }
        }
    }

    /**
     * Duplicate flags and alerts, each poll's records in one multi-row statement per table: what the
     * one-statement-per-record projection did (dismissals, never reopening an alert, one outbox
     * message per alert event and receiver) must still hold. An application of its own, with a
     * receiver, so the outbox is written (its deliveries fail; only the queued rows are looked at).
     */
    @Nested
    class FlagsAndAlerts {

        private static final JsonSerde<DuplicateFlag> FLAGS = JsonSerde.of(DuplicateFlag.class);
        private static final JsonSerde<Alert> ALERTS = JsonSerde.of(Alert.class);
        private static final Instant T0 = Instant.parse("2026-03-03T06:00:00Z");

        @Test
        void shouldKeepADismissalUntilTheFlagGrowsAndProjectAlertsWithoutReopeningThem() {
            TopicNames ownTopics = stack.kafka().topics("-flags-alerts");
            String database = stack.postgres().createDatabase("flags_alerts");
            try (RunningReport app = RunningReport.start(database, stack.kafka().bootstrapServers(), "flags-alerts",
                    withSettings(TestKafka.topicSettings(ownTopics), "pulse.alerts.webhooks=http://127.0.0.1:9/hook"))) {
                // given a flag, projected, then dismissed by a manager
                DuplicateFlag flag = new DuplicateFlag(DuplicateType.DUPLICATE_CUSTOMER, "phone:13800138000",
                        List.of("C-1", "C-2"), List.of("rep-1"), List.of("e-1", "e-2"), T0, T0.plusSeconds(60));
                inTransaction(new ProducerRecord<>(ownTopics.duplicateFlags(), flag.flagId(), flag(flag)));
                await().atMost(PROJECTED).until(() -> queryLong(database, "select count(*) from duplicate_flag") == 1);
                TestPostgres.execute(database, "update duplicate_flag set status = 'DISMISSED', dismissed_by = 'manager', "
                        + "dismissed_reason = 'same person', dismissed_at = now()");

                // when the same membership comes again (a replay), then another flag, in one poll on one partition
                DuplicateFlag other = new DuplicateFlag(DuplicateType.MULTI_REP, "C-9", List.of("C-9"),
                        List.of("rep-1", "rep-2"), List.of("e-8", "e-9"), T0, T0);
                inTransaction(new ProducerRecord<>(ownTopics.duplicateFlags(), flag.flagId(), flag(flag)),
                        new ProducerRecord<>(ownTopics.duplicateFlags(), flag.flagId(), flag(other)));
                await().atMost(PROJECTED).until(() -> queryLong(database, "select count(*) from duplicate_flag") == 2);

                // then the dismissal stands
                assertThat(queryRows(database, "select status, dismissed_by from duplicate_flag where type = ?",
                        "DUPLICATE_CUSTOMER")).containsExactly("DISMISSED | manager");

                // when it gains a customer, its last update in a poll after an unchanged one
                DuplicateFlag grown = new DuplicateFlag(flag.type(), flag.key(), List.of("C-1", "C-2", "C-3"),
                        List.of("rep-1"), List.of("e-1", "e-2", "e-3"), T0, T0.plusSeconds(120));
                inTransaction(new ProducerRecord<>(ownTopics.duplicateFlags(), flag.flagId(), flag(flag)),
                        new ProducerRecord<>(ownTopics.duplicateFlags(), flag.flagId(), flag(grown)));

                // then it opens again, still saying who dismissed it and why
                await().atMost(PROJECTED).untilAsserted(() -> assertThat(queryRows(database, """
                        select status, array_to_string(customer_ids, ','), dismissed_by, dismissed_reason,
                               to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS')
                        from duplicate_flag where type = 'DUPLICATE_CUSTOMER'"""))
                        .containsExactly("OPEN | C-1,C-2,C-3 | manager | same person | 2026-03-03 06:02:00"));

                // given an alert opened and resolved in one poll
                Alert opened = new Alert(UUID.randomUUID(), AlertKind.STALE, AlertStatus.OPEN, "C-1", "王芳", "rep-1",
                        "east", "QUOTE", T0, null, 3.0, T0.plus(Duration.ofDays(3)),
                        T0.plus(Duration.ofDays(3)).plusSeconds(5), null, null);
                Alert resolved = opened.resolved(T0.plus(Duration.ofDays(4)), "FOLLOWED_UP");
                inTransaction(new ProducerRecord<>(ownTopics.alerts(), opened.alertId().toString(), alert(opened)),
                        new ProducerRecord<>(ownTopics.alerts(), opened.alertId().toString(), alert(resolved)));
                await().atMost(PROJECTED).until(() -> queryLong(database, "select count(*) from alert") == 1);

                // when the OPEN record comes again (a replay), then another alert after it on the same partition
                Alert marker = new Alert(UUID.randomUUID(), AlertKind.OVERDUE, AlertStatus.OPEN, "C-2", null, "rep-1",
                        "east", "LEAD", T0, T0.plusSeconds(600), null, T0.plusSeconds(600), T0.plusSeconds(605), null, null);
                inTransaction(new ProducerRecord<>(ownTopics.alerts(), opened.alertId().toString(), alert(opened)),
                        new ProducerRecord<>(ownTopics.alerts(), opened.alertId().toString(), alert(marker)));
                await().atMost(PROJECTED).until(() -> queryLong(database, "select count(*) from alert") == 2);

                // then the alert stays resolved, and each alert event was queued once for the receiver
                assertThat(queryRows(database, "select status, resolution, "
                        + "to_char(resolved_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS'), customer_name from alert "
                        + "where alert_id = ?::uuid", opened.alertId().toString()))
                        .containsExactly("RESOLVED | FOLLOWED_UP | 2026-03-07 06:00:00 | 王芳");
                assertThat(queryRows(database, "select message_id::text || ' ' || event from webhook_delivery"))
                        .containsExactlyInAnyOrder(opened.alertId() + " OPEN", opened.alertId() + " RESOLVED",
                                marker.alertId() + " OPEN");
            }
        }

        @SafeVarargs
        private static void inTransaction(ProducerRecord<String, byte[]>... records) {
            try (var transactional = stack.kafka().transactionalProducer()) {
                transactional.beginTransaction();
                for (ProducerRecord<String, byte[]> record : records) {
                    transactional.send(record);
                }
                transactional.commitTransaction();
            }
        }

        private static byte[] flag(DuplicateFlag flag) {
            return FLAGS.serializer().serialize("duplicate-flags", flag);
        }

        private static byte[] alert(Alert alert) {
            return ALERTS.serializer().serialize("alerts", alert);
        }
    }

    @Nested
    class Recovery {

        private static final int RESTART_RECORDS = 500;

        @Test
        void shouldProjectExactlyOnceAcrossARestartAndKeepItsOffsetsOnlyInPostgres() throws Exception {
            // given an application of its own that reads small batches, so that many transactions follow each other
            TopicNames ownTopics = stack.kafka().topics("-restart");
            String database = stack.postgres().createDatabase("restart");
            String group = "projector-restart";
            String[] settings = withSettings(TestKafka.topicSettings(ownTopics), "pulse.projector.max-poll-records=10");
            RunningReport first = RunningReport.start(database, stack.kafka().bootstrapServers(), group, settings);
            List<ObjectNode> followUps = IntStream.range(0, RESTART_RECORDS)
                    .mapToObj(i -> followUp("C-restart-" + (i % 25)))
                    .toList();
            CompletableFuture<Void> producing = CompletableFuture.runAsync(
                    () -> sendPaced(ownTopics.followups(), followUps));

            // when the application stops while records flow, and a new one starts on the same database and group
            await().atMost(PROJECTED).pollInterval(Duration.ofMillis(10))
                    .until(() -> queryLong(database, "select count(*) from followup") > 100);
            first.close();
            long projectedBeforeTheStop = queryLong(database, "select count(*) from followup");
            producing.get(60, TimeUnit.SECONDS);
            try (RunningReport second = RunningReport.start(database, stack.kafka().bootstrapServers(), group, settings)) {
                await().atMost(PROJECTED)
                        .until(() -> queryLong(database, "select count(*) from followup") >= RESTART_RECORDS);

                // then every record is there once, and the stored offsets are exactly the ends of the topic
                assertThat(projectedBeforeTheStop).as("the stop fell in the middle of the stream").isBetween(101L, 499L);
                assertThat(queryRows(database, "select event_id from followup"))
                        .containsExactlyInAnyOrderElementsOf(followUps.stream().map(Samples::eventId).toList());
                assertThat(queryLong(database,
                        "select sum(next_offset) from projector_offset where consumer_group = ? and topic = ?",
                        group, ownTopics.followups()))
                        .isEqualTo(RESTART_RECORDS)
                        .isEqualTo(stack.kafka().endOffsetSum(ownTopics.followups()));
                assertThat(stack.kafka().committedOffsets(group)).as("offsets committed to Kafka").isEmpty();
            }
        }

        @Test
        void shouldCatchUpExactlyOnceAfterADatabaseOutageAndReportItMeanwhile() throws Exception {
            // given an application on a PostgreSQL server of its own (stopping the class's server would disturb
            // the other tests), proven to be projecting: a first sale has landed
            try (TestPostgres server = TestPostgres.start("projector-outage")) {
                String database = server.createDatabase("outage");
                TopicNames ownTopics = stack.kafka().topics("-outage");
                String group = "projector-outage";
                try (RunningReport app = RunningReport.start(database, stack.kafka().bootstrapServers(), group,
                        withSettings(TestKafka.topicSettings(ownTopics),
                                "pulse.projector.retry-backoff=500ms",
                                // a dead server must fail a connection attempt in seconds, not in Hikari's default 30
                                "spring.datasource.hikari.connection-timeout=2000"))) {
                    String customer = unique("C");
                    ObjectNode warmUp = sale(customer, unique("O"), "1.00");
                    send(ownTopics.sales(), customer, bytes(warmUp));
                    awaitOneRow(database, "select count(*) from sale where event_id = ?::uuid", eventId(warmUp));

                    // when the database goes down, 50 follow-ups arrive, and the database comes back
                    server.stop();
                    List<ObjectNode> followUps = IntStream.range(0, 50)
                            .mapToObj(i -> followUp("C-outage-" + (i % 7)))
                            .toList();
                    for (ObjectNode followUp : followUps) {
                        send(ownTopics.followups(), followUp.get("customerId").asString(), bytes(followUp));
                    }
                    // the HTTP answer shows no details (show-details is left at "never"), so the projector's
                    // own contribution is read in-process
                    await().atMost(PROJECTED).untilAsserted(() -> {
                        HttpResponse<String> health = app.get("/actuator/health");
                        assertThat(health.statusCode()).isEqualTo(503);
                        assertThat(json(health).get("status").asString()).isEqualTo("DOWN");
                        Health projector = app.bean("projectorHealth", HealthIndicator.class).health();
                        assertThat(projector.getStatus()).isEqualTo(Status.DOWN);
                        assertThat(projector.getDetails().get("lastError")).asString().isNotBlank();
                    });
                    server.startAgain();

                    // then all 50 arrive once, the offsets are the ends of the topic, and health is UP again
                    await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                            .until(() -> queryLong(database, "select count(*) from followup") >= followUps.size());
                    assertThat(queryRows(database, "select event_id from followup"))
                            .containsExactlyInAnyOrderElementsOf(followUps.stream().map(Samples::eventId).toList());
                    assertThat(queryLong(database,
                            "select sum(next_offset) from projector_offset where consumer_group = ? and topic = ?",
                            group, ownTopics.followups()))
                            .isEqualTo(50)
                            .isEqualTo(stack.kafka().endOffsetSum(ownTopics.followups()));
                    await().atMost(PROJECTED).untilAsserted(() -> {
                        HttpResponse<String> health = app.get("/actuator/health");
                        assertThat(health.statusCode()).isEqualTo(200);
                        assertThat(json(health).get("status").asString()).isEqualTo("UP");
                    });
                    Health projector = app.bean("projectorHealth", HealthIndicator.class).health();
                    assertThat(projector.getDetails()).containsKey("lastBatchAt").doesNotContainKey("lastError");
                }
            }
        }

        @Test
        void shouldReportHealthUpOnceKafkaIsReachableEvenBeforeAnyRecordArrives() throws Exception {
            // given an application whose bootstrap address answers nothing yet, on topics that stay empty
            int bootstrapPort = freePort();
            String database = stack.postgres().createDatabase("kafka_late");
            TopicNames emptyTopics = stack.kafka().topics("-kafka-late");
            try (RunningReport app = RunningReport.start(database, "localhost:" + bootstrapPort, "kafka-late",
                    withSettings(TestKafka.topicSettings(emptyTopics), "pulse.projector.retry-backoff=500ms"))) {
                await().atMost(PROJECTED).until(() -> app.get("/actuator/health").statusCode() == 503);

                // when the broker becomes reachable there, with nothing new on the topics
                URI broker = URI.create("kafka://" + stack.kafka().bootstrapServers());
                try (PortForwarder forwarder = new PortForwarder(bootstrapPort,
                        new InetSocketAddress(broker.getHost(), broker.getPort()))) {

                    // then
                    await().atMost(PROJECTED).untilAsserted(() ->
                            assertThat(app.get("/actuator/health").statusCode()).isEqualTo(200));
                }
            }
        }
    }

    @Nested
    class Live {

        @Test
        void shouldPushAnActivityEventWhenASaleIsProjected() throws Exception {
            // given a dashboard listening to the live stream
            try (LiveStream live = LiveStream.open(stack.report(), "Accept", "text/event-stream")) {
                // when
                String customer = unique("C");
                send(stack.topics().sales(), customer, bytes(sale(customer, unique("O"), "10.00")));

                // then
                await().atMost(PROJECTED).until(() -> live.lines().contains("event:activity"));
                assertThat(live.contentType()).startsWith("text/event-stream");
            }
        }

        @Test
        void shouldPushActivityAndFunnelEventsWhenAChangeIsProjected() throws Exception {
            // given a dashboard listening to the live stream
            try (LiveStream live = LiveStream.open(stack.report(), "Accept", "text/event-stream")) {
                // when
                String rep = unique("rep");
                send(stack.topics().changes(), unique("C"), bytes(touch(rep, "east", "2026-03-03", "PHONE", Granularity.DAY)));

                // then
                await().atMost(PROJECTED).until(() -> live.lines().contains("event:activity")
                        && live.lines().contains("event:funnel"));
            }
        }

        @Test
        void shouldShutDownPromptlyWhileADashboardIsListening() throws Exception {
            // given an application of its own with one open live stream
            String database = stack.postgres().createDatabase("live_shutdown");
            RunningReport app = RunningReport.start(database, stack.kafka().bootstrapServers(), "live-shutdown",
                    TestKafka.topicSettings(stack.topics()));
            try (LiveStream live = LiveStream.open(app)) {
                // when
                long start = System.nanoTime();
                app.close();

                // then the stream is ended rather than waited for by the graceful shutdown (10 s per phase)
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            }
        }
    }

    private static ProducerRecord<String, byte[]> change(String customerId, CustomerChange change) {
        return new ProducerRecord<>(stack.topics().changes(), customerId, bytes(change));
    }

    /** Waits until the rows of this rep and team are exactly these (scope, granularity, bucket, figures). */
    private static void awaitActivity(String rep, String team, List<String> rows) {
        await().atMost(PROJECTED).untilAsserted(() -> assertThat(queryRows(stack.jdbcUrl(), """
                select scope, granularity, bucket, follow_ups, customers, ch_phone, ch_wechat, ch_email, ch_meeting,
                       ch_visit
                from rep_activity where (rep_id = ? or (scope = 'TEAM' and team_id = ?)) and team_id = ?
                order by scope, granularity, bucket""", rep, team, team)).isEqualTo(rows));
    }

    /** Waits until a funnel cell's customers and with_sale are these. */
    private static void awaitCell(String key, String figures) {
        await().atMost(PROJECTED).until(() -> queryRows(stack.jdbcUrl(),
                "select customers, with_sale from funnel_cell where cell_key = ?", key).equals(List.of(figures)));
    }

    /** A change with the Kafka timestamp ingest would have given it. */
    private static void sendAt(Instant acceptedAt, String key, byte[] value) {
        try {
            stack.producer().send(new ProducerRecord<>(stack.topics().changes(), null, acceptedAt.toEpochMilli(), key, value))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("send to " + stack.topics().changes() + " failed", e);
        }
    }

    private static void send(String topic, String key, byte[] value) {
        try {
            stack.producer().send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("send to " + topic + " failed", e);
        }
    }

    /** Sends 500 records over about a second, so that a test can stop the projector while they flow. */
    private static void sendPaced(String topic, List<ObjectNode> followUps) {
        try (var paced = stack.kafka().producer()) {
            for (int i = 0; i < followUps.size(); i++) {
                ObjectNode followUp = followUps.get(i);
                paced.send(new ProducerRecord<>(topic, followUp.get("customerId").asString(), bytes(followUp)));
                if (i % 5 == 4) {
                    paced.flush();
                    Thread.sleep(10);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitOneRow(String database, String countSql, Object... parameters) {
        await().atMost(PROJECTED).until(() -> queryLong(database, countSql, parameters) == 1);
    }

    private static String[] withSettings(String[] settings, String... more) {
        return Stream.concat(Stream.of(settings), Stream.of(more)).toArray(String[]::new);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
