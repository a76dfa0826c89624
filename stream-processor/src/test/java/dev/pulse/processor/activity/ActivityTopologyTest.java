package dev.pulse.processor.activity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.events.Json;
import dev.pulse.events.PoisonRecord;
import dev.pulse.events.activity.ActivityRow;
import dev.pulse.events.activity.ActivityScope;
import dev.pulse.events.activity.Granularity;
import dev.pulse.processor.FoldedChanges;
import dev.pulse.processor.PulseDriverExtension;
import dev.pulse.processor.TestSales;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.node.ObjectNode;

/**
 * DESIGN.md "Live aggregates", definition 1, through the very topology the service runs: raw JSON
 * bytes in on followups/sales, activity touches out on pulse-changes (folded into ActivityRows as the projector adds them), PoisonRecord out on pulse-errors.
 * Every expected number is worked out by hand in the test's comments.
 */
class ActivityTopologyTest {

    /** The validators' clock: after every event below, so none of them is "in the future". */
    private static final Instant VALIDATION_NOW = Instant.parse("2026-12-01T00:00:00Z");
    /** The driver's mocked wall clock, which stamps PoisonRecord.detectedAt. */
    private static final Instant WALL_CLOCK = Instant.parse("2026-11-24T06:00:00Z");

    private static final LocalDate NOV_3 = LocalDate.of(2026, 11, 3);
    private static final LocalDate NOV_4 = LocalDate.of(2026, 11, 4);
    // 2026-11-03 is a Tuesday: ISO week 45 runs Mon 11-02 .. Sun 11-08 (see GranularityTest)
    private static final LocalDate W45_START = LocalDate.of(2026, 11, 2);
    private static final LocalDate W45_END = LocalDate.of(2026, 11, 8);
    private static final LocalDate NOV_START = LocalDate.of(2026, 11, 1);
    private static final LocalDate NOV_END = LocalDate.of(2026, 11, 30);

    @RegisterExtension
    final PulseDriverExtension pulse = new PulseDriverExtension(VALIDATION_NOW, WALL_CLOCK);

    @Test
    void shouldCutDaysAtMidnightInShanghai() {
        // given: 15:59Z is 23:59 on the 3rd in Shanghai; 16:30Z is 00:30 on the 4th (UTC+8)
        String before = followUp("C-1", "R-7", "T-EAST", "2026-11-03T15:59:00Z", "PHONE");
        String after = followUp("C-2", "R-7", "T-EAST", "2026-11-03T16:30:00Z", "WECHAT");

        // when
        Map<String, ActivityRow> rows = rowsAfter(before, after);

        // then: one on each day, though both are on the 3rd in UTC; same ISO week and month
        assertThat(rows).containsOnlyKeys(
                "REP|DAY|2026-11-03|R-7|T-EAST", "REP|DAY|2026-11-04|R-7|T-EAST",
                "REP|WEEK|2026-W45|R-7|T-EAST", "REP|MONTH|2026-11|R-7|T-EAST",
                "TEAM|DAY|2026-11-03||T-EAST", "TEAM|DAY|2026-11-04||T-EAST",
                "TEAM|WEEK|2026-W45||T-EAST", "TEAM|MONTH|2026-11||T-EAST");
        assertThat(rows.get("REP|DAY|2026-11-03|R-7|T-EAST")).isEqualTo(new ActivityRow(ActivityScope.REP,
                "R-7", "T-EAST", Granularity.DAY, "2026-11-03", NOV_3, NOV_3, 1, 1, Map.of("PHONE", 1L)));
        assertThat(rows.get("REP|DAY|2026-11-04|R-7|T-EAST")).isEqualTo(new ActivityRow(ActivityScope.REP,
                "R-7", "T-EAST", Granularity.DAY, "2026-11-04", NOV_4, NOV_4, 1, 1, Map.of("WECHAT", 1L)));
        assertThat(rows.get("REP|WEEK|2026-W45|R-7|T-EAST")).isEqualTo(new ActivityRow(ActivityScope.REP,
                "R-7", "T-EAST", Granularity.WEEK, "2026-W45", W45_START, W45_END, 2, 2,
                Map.of("PHONE", 1L, "WECHAT", 1L)));
        assertThat(rows.get("TEAM|DAY|2026-11-04||T-EAST")).isEqualTo(new ActivityRow(ActivityScope.TEAM,
                null, "T-EAST", Granularity.DAY, "2026-11-04", NOV_4, NOV_4, 1, 1, Map.of("WECHAT", 1L)));
    }

    @Test
    void shouldCountAResubmittedEventIdOnce() {
        // given: the client retries the very same JSON, eventId included
        String followUp = followUp("C-1", "R-7", "T-EAST", "2026-11-03T10:00:00+08:00", "PHONE");
        send(followUp);
        Map<String, ActivityRow> afterFirst = readable(activity().readKeyValuesToMap());

        // when
        send(followUp);

        // then: the retry changes no row, so nothing is published for it
        assertThat(activity().isEmpty()).isTrue();
        assertThat(pulse.driver().errors().isEmpty()).isTrue();
        assertThat(afterFirst.get("REP|DAY|2026-11-03|R-7|T-EAST")).isEqualTo(new ActivityRow(ActivityScope.REP,
                "R-7", "T-EAST", Granularity.DAY, "2026-11-03", NOV_3, NOV_3, 1, 1, Map.of("PHONE", 1L)));
        assertThat(afterFirst.get("REP|MONTH|2026-11|R-7|T-EAST").followUps()).isEqualTo(1);
        assertThat(afterFirst.get("TEAM|DAY|2026-11-03||T-EAST").followUps()).isEqualTo(1);
    }

    @Test
    void shouldCountAResubmissionOnceEvenAfterOtherEvents() {
        // given
        String first = followUp("C-1", "R-7", "T-EAST", "2026-11-03T10:00:00+08:00", "PHONE");
        String second = followUp("C-1", "R-7", "T-EAST", "2026-11-03T11:00:00+08:00", "PHONE");

        // when: first, second, then a retry of first
        Map<String, ActivityRow> rows = rowsAfter(first, second, first);

        // then: 2 follow-ups, not 3
        assertThat(rows.get("REP|DAY|2026-11-03|R-7|T-EAST").followUps()).isEqualTo(2);
        assertThat(rows.get("REP|DAY|2026-11-03|R-7|T-EAST").customers()).isEqualTo(1);
        assertThat(rows.get("REP|DAY|2026-11-03|R-7|T-EAST").byChannel()).isEqualTo(Map.of("PHONE", 2L));
    }

    @Test
    void shouldPutALateEventInItsOwnDayAndLeaveLaterDaysAlone() {
        // given: two follow-ups on Fri 2026-11-20 (Shanghai), arriving that day
        send(followUp("C-1", "R-7", "T-EAST", "2026-11-20T10:00:00+08:00", "PHONE"),
                Instant.parse("2026-11-20T02:05:00Z"));
        send(followUp("C-2", "R-7", "T-EAST", "2026-11-20T15:00:00+08:00", "EMAIL"),
                Instant.parse("2026-11-20T07:05:00Z"));
        Map<String, ActivityRow> before = readable(activity().readKeyValuesToMap());

        // when: a backfilled record of Thu 2026-10-01 arrives the next day, seven weeks late
        send(followUp("C-1", "R-7", "T-EAST", "2026-10-01T10:00:00+08:00", "VISIT"),
                Instant.parse("2026-11-21T01:00:00Z"));

        // then: only October rows change. 2026-10-01 is a Thursday; its week starts Mon 09-28,
        // which is 273 days after Mon 2025-12-29 (start of W01): 273 = 39 * 7, so week 40
        List<KeyValue<String, ActivityRow>> updates = activity().readKeyValuesToList();
        assertThat(updates).hasSize(6);
        Map<String, ActivityRow> late = toMap(updates);
        assertThat(late.keySet()).containsExactlyInAnyOrder(
                "REP|DAY|2026-10-01|R-7|T-EAST", "REP|WEEK|2026-W40|R-7|T-EAST", "REP|MONTH|2026-10|R-7|T-EAST",
                "TEAM|DAY|2026-10-01||T-EAST", "TEAM|WEEK|2026-W40||T-EAST", "TEAM|MONTH|2026-10||T-EAST");
        assertThat(late.get("REP|DAY|2026-10-01|R-7|T-EAST")).isEqualTo(new ActivityRow(ActivityScope.REP,
                "R-7", "T-EAST", Granularity.DAY, "2026-10-01", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 1),
                1, 1, Map.of("VISIT", 1L)));
        assertThat(late.get("REP|WEEK|2026-W40|R-7|T-EAST")).isEqualTo(new ActivityRow(ActivityScope.REP,
                "R-7", "T-EAST", Granularity.WEEK, "2026-W40", LocalDate.of(2026, 9, 28), LocalDate.of(2026, 10, 4),
                1, 1, Map.of("VISIT", 1L)));
        assertThat(late.get("REP|MONTH|2026-10|R-7|T-EAST")).isEqualTo(new ActivityRow(ActivityScope.REP,
                "R-7", "T-EAST", Granularity.MONTH, "2026-10", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31),
                1, 1, Map.of("VISIT", 1L)));
        // the November day still holds its own two follow-ups
        assertThat(before.get("REP|DAY|2026-11-20|R-7|T-EAST")).isEqualTo(new ActivityRow(ActivityScope.REP,
                "R-7", "T-EAST", Granularity.DAY, "2026-11-20", LocalDate.of(2026, 11, 20),
                LocalDate.of(2026, 11, 20), 2, 2, Map.of("EMAIL", 1L, "PHONE", 1L)));
    }

    @Test
    void shouldReportEachPoisonFollowUpOnceAndKeepCounting() {
        // given: a spreadsheet line sent as is, JSON missing required fields, a record without eventId
        String csvLine = "C-1,张三,13800138000,R-7,电话沟通";
        String missingFields = """
                {"eventId":"%s","customerId":"C-1","repId":"R-7"}""".formatted(UUID.randomUUID());
        ObjectNode noEventId = followUpNode("C-1", "R-7", "T-EAST", "2026-11-03T10:00:00+08:00", "PHONE");
        noEventId.remove("eventId");
        String valid = followUp("C-1", "R-7", "T-EAST", "2026-11-03T11:00:00+08:00", "MEETING");

        // when: offsets 0, 1, 2 are poison, offset 3 is fine
        sendRaw("C-1", csvLine);
        sendRaw("C-1", missingFields);
        sendRaw("C-1", noEventId.toString());
        send(valid);

        // then
        List<KeyValue<String, PoisonRecord>> poison = pulse.driver().errors().readKeyValuesToList();
        assertThat(poison).hasSize(3);
        assertThat(poison).extracting(kv -> kv.key).containsOnly("C-1");
        assertThat(poison).extracting(kv -> kv.value.sourceTopic()).containsOnly("followups");
        assertThat(poison).extracting(kv -> kv.value.partition()).containsOnly(0);
        assertThat(poison).extracting(kv -> kv.value.offset()).containsExactly(0L, 1L, 2L);
        assertThat(poison).extracting(kv -> kv.value.detectedAt()).containsOnly(WALL_CLOCK);

        PoisonRecord notJson = poison.get(0).value;
        assertThat(notJson.reason()).startsWith("not JSON");
        assertThat(notJson.payload()).isEqualTo(csvLine);

        PoisonRecord incomplete = poison.get(1).value;
        assertThat(incomplete.reason()).contains("customerName", "phone", "occurredAt", "channel", "content", "stage");
        assertThat(incomplete.reason()).doesNotContain("repId", "customerId");
        assertThat(incomplete.payload()).isEqualTo(missingFields);

        PoisonRecord anonymous = poison.get(2).value;
        assertThat(anonymous.reason()).contains("eventId");
        assertThat(anonymous.payload()).isEqualTo(noEventId.toString());

        // and the valid record after them is counted, alone
        Map<String, ActivityRow> rows = readable(activity().readKeyValuesToMap());
        assertThat(rows.get("REP|DAY|2026-11-03|R-7|T-EAST")).isEqualTo(new ActivityRow(ActivityScope.REP,
                "R-7", "T-EAST", Granularity.DAY, "2026-11-03", NOV_3, NOV_3, 1, 1, Map.of("MEETING", 1L)));
    }

    @Test
    void shouldReportATombstoneOnTheFollowUpsTopicAsPoison() {
        // given
        pulse.driver().followups().pipeInput("C-1", null);

        // when
        List<PoisonRecord> poison = pulse.driver().errors().readValuesToList();

        // then
        assertThat(poison).singleElement().satisfies(p -> {
            assertThat(p.sourceTopic()).isEqualTo("followups");
            assertThat(p.offset()).isZero();
            assertThat(p.key()).isEqualTo("C-1");
            assertThat(p.reason()).contains("tombstone");
            assertThat(p.payload()).isNull();
        });
        assertThat(activity().isEmpty()).isTrue();
    }

    @Test
    void shouldReportPoisonOnTheSalesTopicToo() {
        // given: garbage bytes, a sale with a negative amount, then a valid sale
        byte[] garbage = {(byte) 0xFF, (byte) 0xFE, 0x00, 0x13};
        String negative = sale("SO-1", "C-1", "-100.00");
        String valid = sale("SO-2", "C-1", "19999.50");

        // when
        pulse.driver().sales().pipeInput("C-1", garbage);
        pulse.driver().sales().pipeInput("C-1", negative.getBytes(StandardCharsets.UTF_8));
        pulse.driver().sales().pipeInput("C-1", valid.getBytes(StandardCharsets.UTF_8));

        // then: two poison records from sales, none for the valid sale; sales are no follow-ups
        List<PoisonRecord> poison = pulse.driver().errors().readValuesToList();
        assertThat(poison).extracting(PoisonRecord::sourceTopic).containsExactly("sales", "sales");
        assertThat(poison).extracting(PoisonRecord::offset).containsExactly(0L, 1L);
        assertThat(poison.get(0).reason()).startsWith("not JSON");
        assertThat(poison.get(1).reason()).contains("amount");
        assertThat(poison.get(1).payload()).isEqualTo(negative);
        assertThat(activity().isEmpty()).isTrue();
    }

    @Test
    void shouldCountFollowUpsAndDistinctCustomersPerDayWeekAndMonth() {
        // given: rep R-9 has no team. Tue 2026-11-03: C-1 by phone, C-2 on WeChat, C-1 by phone again;
        // Thu 2026-11-05: C-1 visited. All four fall in 2026-W45 and November.
        send(followUp("C-1", "R-9", null, "2026-11-03T09:00:00+08:00", "PHONE"));
        send(followUp("C-2", "R-9", null, "2026-11-03T10:00:00+08:00", "WECHAT"));
        send(followUp("C-1", "R-9", null, "2026-11-03T15:00:00+08:00", "PHONE"));

        // when
        send(followUp("C-1", "R-9", null, "2026-11-05T11:00:00+08:00", "VISIT"));

        // then: the 3rd has 3 follow-ups of 2 customers; the 5th 1 of 1; the week and the month
        // 4 follow-ups of still 2 customers (C-1 is not counted again); no team rows without a team
        Map<String, ActivityRow> rows = readable(activity().readKeyValuesToMap());
        assertThat(rows).containsOnlyKeys("REP|DAY|2026-11-03|R-9|", "REP|DAY|2026-11-05|R-9|",
                "REP|WEEK|2026-W45|R-9|", "REP|MONTH|2026-11|R-9|");
        assertThat(rows.get("REP|DAY|2026-11-03|R-9|")).isEqualTo(new ActivityRow(ActivityScope.REP, "R-9", null,
                Granularity.DAY, "2026-11-03", NOV_3, NOV_3, 3, 2, Map.of("PHONE", 2L, "WECHAT", 1L)));
        LocalDate nov5 = LocalDate.of(2026, 11, 5);
        assertThat(rows.get("REP|DAY|2026-11-05|R-9|")).isEqualTo(new ActivityRow(ActivityScope.REP, "R-9", null,
                Granularity.DAY, "2026-11-05", nov5, nov5, 1, 1, Map.of("VISIT", 1L)));
        assertThat(rows.get("REP|WEEK|2026-W45|R-9|")).isEqualTo(new ActivityRow(ActivityScope.REP, "R-9", null,
                Granularity.WEEK, "2026-W45", W45_START, W45_END, 4, 2,
                Map.of("PHONE", 2L, "WECHAT", 1L, "VISIT", 1L)));
        assertThat(rows.get("REP|MONTH|2026-11|R-9|")).isEqualTo(new ActivityRow(ActivityScope.REP, "R-9", null,
                Granularity.MONTH, "2026-11", NOV_START, NOV_END, 4, 2,
                Map.of("PHONE", 2L, "WECHAT", 1L, "VISIT", 1L)));
    }

    @Test
    void shouldCountACustomerOncePerTeamWhenTwoRepsOfTheTeamTouchIt() {
        // given: of T-EAST both contact C-1 on 2026-11-03; R-5 of T-WEST does too
        send(followUp("C-1", "R-7", "T-EAST", "2026-11-03T09:00:00+08:00", "PHONE"));
        send(followUp("C-1", "R-8", "T-EAST", "2026-11-03T14:00:00+08:00", "VISIT"));

        // when
        send(followUp("C-1", "R-5", "T-WEST", "2026-11-03T16:00:00+08:00", "EMAIL"));

        // then: T-EAST made 2 follow-ups of 1 customer; each rep 1 of 1; T-WEST is apart
        Map<String, ActivityRow> rows = readable(activity().readKeyValuesToMap());
        assertThat(rows.get("TEAM|DAY|2026-11-03||T-EAST")).isEqualTo(new ActivityRow(ActivityScope.TEAM, null,
                "T-EAST", Granularity.DAY, "2026-11-03", NOV_3, NOV_3, 2, 1, Map.of("PHONE", 1L, "VISIT", 1L)));
        assertThat(rows.get("TEAM|WEEK|2026-W45||T-EAST")).isEqualTo(new ActivityRow(ActivityScope.TEAM, null,
                "T-EAST", Granularity.WEEK, "2026-W45", W45_START, W45_END, 2, 1, Map.of("PHONE", 1L, "VISIT", 1L)));
        assertThat(rows.get("TEAM|MONTH|2026-11||T-EAST")).isEqualTo(new ActivityRow(ActivityScope.TEAM, null,
                "T-EAST", Granularity.MONTH, "2026-11", NOV_START, NOV_END, 2, 1, Map.of("PHONE", 1L, "VISIT", 1L)));
        assertThat(rows.get("REP|DAY|2026-11-03|R-7|T-EAST")).isEqualTo(new ActivityRow(ActivityScope.REP, "R-7",
                "T-EAST", Granularity.DAY, "2026-11-03", NOV_3, NOV_3, 1, 1, Map.of("PHONE", 1L)));
        assertThat(rows.get("REP|DAY|2026-11-03|R-8|T-EAST")).isEqualTo(new ActivityRow(ActivityScope.REP, "R-8",
                "T-EAST", Granularity.DAY, "2026-11-03", NOV_3, NOV_3, 1, 1, Map.of("VISIT", 1L)));
        assertThat(rows.get("TEAM|DAY|2026-11-03||T-WEST")).isEqualTo(new ActivityRow(ActivityScope.TEAM, null,
                "T-WEST", Granularity.DAY, "2026-11-03", NOV_3, NOV_3, 1, 1, Map.of("EMAIL", 1L)));
        // 3 reps x 3 granularities + 2 teams x 3 granularities
        assertThat(rows).hasSize(15);
    }

    // --- helpers -------------------------------------------------------------------------------

    private void send(String json) {
        pulse.driver().followups().pipeInput(customerIdOf(json), json.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends the follow-ups in this order, then reads every row they touched. */
    private Map<String, ActivityRow> rowsAfter(String... followUps) {
        for (String followUp : followUps) {
            send(followUp);
        }
        return readable(activity().readKeyValuesToMap());
    }

    private void send(String json, Instant arrival) {
        pulse.driver().followups().pipeInput(customerIdOf(json), json.getBytes(StandardCharsets.UTF_8), arrival);
    }

    /** Records are keyed by customerId, as ingest writes them. */
    private static String customerIdOf(String json) {
        return Json.MAPPER.readTree(json).get("customerId").asString();
    }

    private void sendRaw(String key, String text) {
        pulse.driver().followups().pipeInput(key, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A valid follow-up with a fresh eventId; teamId may be null (then absent). */
    private static String followUp(String customerId, String repId, String teamId, String occurredAt,
                                   String channel) {
        return followUpNode(customerId, repId, teamId, occurredAt, channel).toString();
    }

    private static ObjectNode followUpNode(String customerId, String repId, String teamId, String occurredAt,
                                           String channel) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("eventId", UUID.randomUUID().toString());
        node.put("customerId", customerId);
        node.put("customerName", "客户" + customerId);
        node.put("phone", "13800138000");
        node.put("repId", repId);
        if (teamId != null) {
            node.put("teamId", teamId);
        }
        node.put("occurredAt", occurredAt);
        node.put("channel", channel);
        node.put("content", "跟进：介绍产品");
        node.put("stage", "QUALIFIED");
        return node;
    }

    private static String sale(String orderId, String customerId, String amount) {
        return TestSales.sale(orderId, customerId, amount, "2026-11-03T10:00:00+08:00").toString();
    }

    /** Activity rows keyed by row key, as the projector folds them from the changes topic. */
    private FoldedChanges.Folded<ActivityRow> activity() {
        return pulse.driver().changes().activity();
    }

    private static Map<String, ActivityRow> toMap(List<KeyValue<String, ActivityRow>> updates) {
        Map<String, ActivityRow> latest = new java.util.HashMap<>();
        updates.forEach(kv -> latest.put(kv.key, kv.value));
        return readable(latest);
    }

    /**
     * Re-keys output rows as "SCOPE|GRANULARITY|bucket|rep|team" so expectations read easily; the
     * topic key itself is a JSON array of those parts and must be the row's own key.
     */
    private static Map<String, ActivityRow> readable(Map<String, ActivityRow> byTopicKey) {
        Map<String, ActivityRow> rows = new java.util.HashMap<>();
        byTopicKey.forEach((key, row) -> {
            assertThat(key).isEqualTo(row.key());
            List<?> parts = dev.pulse.events.Json.MAPPER.readValue(key, List.class);
            rows.put(parts.stream().map(part -> part == null ? "" : part.toString())
                    .collect(java.util.stream.Collectors.joining("|")), row);
        });
        return rows;
    }
}
