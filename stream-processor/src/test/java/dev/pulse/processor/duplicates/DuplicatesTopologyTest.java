package dev.pulse.processor.duplicates;

import static dev.pulse.events.duplicates.DuplicateType.DUPLICATE_CUSTOMER;
import static dev.pulse.events.duplicates.DuplicateType.DUPLICATE_ENTRY;
import static dev.pulse.events.duplicates.DuplicateType.MULTI_REP;
import static dev.pulse.processor.PulseDriverExtension.SHANGHAI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.pulse.events.Json;
import dev.pulse.events.activity.ActivityRow;
import dev.pulse.events.activity.ActivityScope;
import dev.pulse.events.activity.Granularity;
import dev.pulse.events.duplicates.DuplicateFlag;
import dev.pulse.events.duplicates.DuplicateType;
import dev.pulse.processor.FoldedChanges;
import dev.pulse.processor.PulseDriver;
import dev.pulse.processor.PulseTopology;
import dev.pulse.processor.stale.StaleRules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * DESIGN.md definition 4 (duplicate flags) through the very topology the service runs: raw JSON
 * bytes in on followups, DuplicateFlag out on duplicate-flags (keyed by flagId), ActivityRow out
 * on pulse-changes (folded into activity rows) to show what is counted. Every expected value is worked out by hand in the
 * comments; times are written in Shanghai time (+08:00) and expected in UTC.
 */
class DuplicatesTopologyTest {

    /** The validators' clock: after every event below, so none of them is "in the future". */
    private static final Instant VALIDATION_NOW = Instant.parse("2027-01-01T00:00:00Z");
    private static final Instant WALL_CLOCK = Instant.parse("2026-12-01T00:00:00Z");
    private static final LocalDate NOV_3 = LocalDate.of(2026, 11, 3);
    private static final Duration DEFAULT_WINDOW = PulseTopology.DEFAULT_MULTI_REP_WINDOW;
    /** R-7's note on C-1, the one {@link #entryKey} is worked out from. */
    private static final String NOTE = "电话沟通 介绍产品 客户要报价";
    private static final String R7_NOV_3 = "[\"REP\",\"DAY\",\"2026-11-03\",\"R-7\",\"T-EAST\"]";

    @TempDir
    Path stateDir;

    private String applicationId;
    private Topology topology;
    private PulseDriver pulse;
    private TestOutputTopic<String, DuplicateFlag> flags;
    private FoldedChanges.Folded<ActivityRow> activity;

    /** The service's topology with its default multi-rep window of 30 days. */
    private void startDriver() {
        startDriver(DEFAULT_WINDOW);
    }

    private void startDriver(Duration multiRepWindow) {
        topology = PulseDriver.topology(SHANGHAI, VALIDATION_NOW, multiRepWindow, StaleRules.defaults());
        applicationId = "duplicates-test-" + UUID.randomUUID();
        pulse = PulseDriver.start(topology, applicationId, stateDir, WALL_CLOCK);
        flags = pulse.output("duplicate-flags", DuplicateFlag.class);
        activity = pulse.changes().activity();
    }

    @AfterEach
    void closeDriver() {
        if (pulse != null) {
            pulse.close();
        }
    }

    // --- DUPLICATE_CUSTOMER --------------------------------------------------------------------

    @Test
    void shouldFlagTwoCustomersWhosePhonesAreOneNumberWrittenTwoWays() {
        // given: C-1 and C-2 are keyed differently, so in production they sit on different partitions
        startDriver();

        // when
        List<ObjectNode> sent = sendC1AndC2SharingAPhone();

        // then: one flag, published once, when the second customer appeared
        List<KeyValue<String, DuplicateFlag>> published = flags.readKeyValuesToList();
        DuplicateFlag expected = flag(DUPLICATE_CUSTOMER, "phone:13800138000", List.of("C-1", "C-2"),
                List.of("R-1", "R-2"), sent, "2026-11-04T01:30:00Z", "2026-11-04T01:30:00Z");
        assertThat(published).containsExactly(KeyValue.pair(expected.flagId(), expected));
    }

    @Test
    void shouldMatchCustomersOnTheContactTopicNotOnTheCustomerPartition() {
        // given
        startDriver();

        // when
        sendC1AndC2SharingAPhone();

        // then: contacts go through their own repartition topic, so one task sees every customer with
        // one contact whatever partition and instance the customers live on
        assertThat(topology.describe().toString()).contains("duplicate-customer-by-contact-repartition");
        assertThat(pulse.driver().producedTopicNames())
                .contains(applicationId + "-duplicate-customer-by-contact-repartition");
        Map<String, DuplicateFlag> latest = flags.readKeyValuesToMap();
        assertThat(latest).hasSize(1);
        latest.forEach((key, flag) -> assertThat(key).isEqualTo(flag.flagId()));
    }

    @Test
    void shouldFlagASharedEmailApartFromASharedPhone() {
        // given: C-1 shares its phone with C-2 and its email, written differently, with C-3
        startDriver();
        ObjectNode c1 = followUp("C-1", "R-1", "T-EAST", "2026-11-03T10:00:00+08:00")
                .put("phone", "+86 138-0013-8000").put("email", "WANG@x.com");
        ObjectNode c2 = followUp("C-2", "R-2", "T-EAST", "2026-11-04T09:30:00+08:00").put("phone", "13800138000");
        ObjectNode c3 = followUp("C-3", "R-3", "T-WEST", "2026-11-05T16:00:00+08:00").put("email", "wang@x.com ");

        // when
        send(c1, c2, c3);

        // then: two flags, one per shared contact
        DuplicateFlag phone = flag(DUPLICATE_CUSTOMER, "phone:13800138000", List.of("C-1", "C-2"),
                List.of("R-1", "R-2"), List.of(c1, c2), "2026-11-04T01:30:00Z", "2026-11-04T01:30:00Z");
        DuplicateFlag email = flag(DUPLICATE_CUSTOMER, "email:wang@x.com", List.of("C-1", "C-3"), List.of("R-1", "R-3"),
                List.of(c1, c3), "2026-11-05T08:00:00Z", "2026-11-05T08:00:00Z");
        assertThat(flags.readKeyValuesToMap()).isEqualTo(Map.of(phone.flagId(), phone, email.flagId(), email));
    }

    @Test
    void shouldUpdateThePhoneFlagWhenAThirdCustomerJoinsIt() {
        // given: the C-1/C-2 flag of 2026-11-04
        startDriver();
        List<ObjectNode> c1AndC2 = sendC1AndC2SharingAPhone();

        // when: a third customer with the same mobile, written the 0086 way
        ObjectNode c3 = followUp("C-3", "R-3", "T-WEST", "2026-11-06T14:00:00+08:00").put("phone", "0086 138 0013 8000");
        send(c3);

        // then: the same flag, published again, with three customers; it still first held on the 4th
        List<KeyValue<String, DuplicateFlag>> published = flags.readKeyValuesToList();
        assertThat(published).hasSize(2);
        DuplicateFlag expected = flag(DUPLICATE_CUSTOMER, "phone:13800138000", List.of("C-1", "C-2", "C-3"),
                List.of("R-1", "R-2", "R-3"), List.of(c1AndC2.get(0), c1AndC2.get(1), c3), "2026-11-04T01:30:00Z",
                "2026-11-06T06:00:00Z");
        assertThat(published.get(1)).isEqualTo(KeyValue.pair(published.get(0).key, expected));
        assertThat(flags.isEmpty()).isTrue();
    }

    @Test
    void shouldDateADuplicateCustomerFromWhenBothCustomersExistedWhateverTheArrivalOrder() {
        // given: C-1 was contacted on 2026-11-10
        startDriver();
        ObjectNode c1 = followUp("C-1", "R-1", "T-EAST", "2026-11-10T10:00:00+08:00").put("phone", "13800138000");
        send(c1);

        // when: an imported sheet brings C-2, with the same phone, contacted on 2026-10-01
        ObjectNode c2 = followUp("C-2", "R-2", "T-EAST", "2026-10-01T10:00:00+08:00").put("phone", "13800138000");
        send(c2);

        // then: the two records shared a phone only once C-1 existed, on the 10th, the same answer as
        // had the records arrived in the order they happened (DuplicateFlag.firstSeenAt: "event time at
        // which the flag first held"); not 2026-10-01, before C-1 was ever contacted
        DuplicateFlag expected = flag(DUPLICATE_CUSTOMER, "phone:13800138000", List.of("C-1", "C-2"),
                List.of("R-1", "R-2"), List.of(c1, c2), "2026-11-10T02:00:00Z", "2026-11-10T02:00:00Z");
        assertThat(flags.readKeyValuesToMap()).isEqualTo(Map.of(expected.flagId(), expected));
    }

    // --- MULTI_REP -----------------------------------------------------------------------------

    /**
     * C-1 followed up by R-A, then by R-B, on the days given (10:00 Shanghai), under a multi-rep
     * window; the flag, when the two contacts fall within it, dates from the later contact.
     */
    static Stream<Arguments> twoRepsWithinTheWindow() {
        return Stream.of(
                // 2026-10-01 and 2026-10-20 are 19 days apart
                arguments("19 days apart, within the default 30", DEFAULT_WINDOW, "2026-10-01", "2026-10-20",
                        "2026-10-20T02:00:00Z"),
                arguments("6 days apart, within a window of 7", Duration.ofDays(7), "2026-10-01", "2026-10-07",
                        "2026-10-07T02:00:00Z"),
                // a backfilled record shows R-B had contacted C-1 on 10-01: two reps were on C-1 from
                // 10-20 on, as when the records arrive in the order they happened
                arguments("R-B's earlier contact arriving after R-A's", DEFAULT_WINDOW, "2026-10-20", "2026-10-01",
                        "2026-10-20T02:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("twoRepsWithinTheWindow")
    void shouldFlagACustomerFollowedUpByTwoRepsWithinTheWindowFromTheLaterContact(String why, Duration window,
            String dayOfA, String dayOfB, String flaggedAt) {
        // given
        startDriver(window);
        ObjectNode byA = followUp("C-1", "R-A", "T-EAST", dayOfA + "T10:00:00+08:00");
        ObjectNode byB = followUp("C-1", "R-B", "T-WEST", dayOfB + "T10:00:00+08:00");

        // when
        send(byA, byB);

        // then
        DuplicateFlag expected = flag(MULTI_REP, "C-1", List.of("C-1"), List.of("R-A", "R-B"),
                List.of(byA, byB), flaggedAt, flaggedAt);
        assertThat(flags.readKeyValuesToList()).containsExactly(KeyValue.pair(expected.flagId(), expected));
    }

    /** As above, with the two contacts further apart than the window. */
    static Stream<Arguments> twoRepsOutsideTheWindow() {
        return Stream.of(
                // 2026-10-01 to 2026-11-09 is 30 + 9 = 39 days
                arguments("39 days apart, outside the default 30", DEFAULT_WINDOW, "2026-10-01", "2026-11-09"),
                arguments("10 days apart, outside a window of 7", Duration.ofDays(7), "2026-10-01", "2026-10-11"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("twoRepsOutsideTheWindow")
    void shouldNotFlagTwoRepsFurtherApartThanTheWindow(String why, Duration window, String dayOfA, String dayOfB) {
        // given
        startDriver(window);

        // when
        send(followUp("C-1", "R-A", "T-EAST", dayOfA + "T10:00:00+08:00"),
                followUp("C-1", "R-B", "T-WEST", dayOfB + "T10:00:00+08:00"));

        // then
        assertThat(flags.isEmpty()).isTrue();
    }

    @Test
    void shouldAddAThirdRepWithinTheWindowToTheSameFlag() {
        // given: R-A on 10-01 and R-B on 10-20 flagged C-1
        startDriver();
        ObjectNode byA = followUp("C-1", "R-A", "T-EAST", "2026-10-01T10:00:00+08:00");
        ObjectNode byB = followUp("C-1", "R-B", "T-WEST", "2026-10-20T10:00:00+08:00");
        send(byA, byB);

        // when: R-C on 10-25, 5 days after R-B
        ObjectNode byC = followUp("C-1", "R-C", "T-WEST", "2026-10-25T10:00:00+08:00");
        send(byC);

        // then: one flag, updated, first held on 10-20
        List<KeyValue<String, DuplicateFlag>> published = flags.readKeyValuesToList();
        assertThat(published).hasSize(2);
        DuplicateFlag expected = flag(MULTI_REP, "C-1", List.of("C-1"), List.of("R-A", "R-B", "R-C"),
                List.of(byA, byB, byC), "2026-10-20T02:00:00Z", "2026-10-25T02:00:00Z");
        assertThat(published.get(1)).isEqualTo(KeyValue.pair(published.get(0).key, expected));
        assertThat(published.get(1).key).isEqualTo(expected.flagId());
    }

    // --- DUPLICATE_ENTRY -----------------------------------------------------------------------

    @Test
    void shouldTreatAResubmittedEventIdAsARetryNotADuplicateEntry() {
        // given: the client sends the very same JSON twice, eventId included
        startDriver();
        ObjectNode entry = followUp("C-1", "R-7", "T-EAST", "2026-11-03T10:00:05+08:00");

        // when
        send(entry, entry);

        // then: nothing is flagged and it counts once
        assertThat(flags.isEmpty()).isTrue();
        assertThat(activity.readKeyValuesToMap().get(R7_NOV_3)).isEqualTo(r7OnNov3ByPhone(1));
    }

    @Test
    void shouldFlagTheSameFollowUpEnteredAgainUnderANewEventIdAndCountItOnce() {
        // given: R-7 logs a call at 10:00:05, then types it in again at 10:00:48 with other line breaks
        startDriver();

        // when
        List<ObjectNode> entries = sendOriginalAndRetyped();

        // then: one DUPLICATE_ENTRY flag, the original first
        DuplicateFlag expected = flag(DUPLICATE_ENTRY, entryKey("2026-11-03T02:00:00Z"), List.of("C-1"), List.of("R-7"),
                entries, "2026-11-03T02:00:48Z", "2026-11-03T02:00:48Z");
        assertThat(flags.readKeyValuesToList()).containsExactly(KeyValue.pair(expected.flagId(), expected));
        // and R-7 made one follow-up that day, not two
        Map<String, ActivityRow> rows = activity.readKeyValuesToMap();
        assertThat(rows.get(R7_NOV_3)).isEqualTo(r7OnNov3ByPhone(1));
        assertThat(rows.get("[\"TEAM\",\"DAY\",\"2026-11-03\",null,\"T-EAST\"]").followUps()).isEqualTo(1);
        assertThat(rows.get("[\"REP\",\"MONTH\",\"2026-11\",\"R-7\",\"T-EAST\"]").followUps()).isEqualTo(1);
    }

    @Test
    void shouldAddAThirdEntryOfTheSameFollowUpToTheSameFlag() {
        // given: the original of 10:00:05 and its repeat of 10:00:48
        startDriver();
        List<ObjectNode> entries = sendOriginalAndRetyped();

        // when: a third copy at 10:00:59
        ObjectNode third = noteAt("10:00:59", "  电话沟通 介绍产品\t客户要报价");
        send(third);

        // then
        List<KeyValue<String, DuplicateFlag>> published = flags.readKeyValuesToList();
        assertThat(published).hasSize(2);
        DuplicateFlag expected = flag(DUPLICATE_ENTRY, entryKey("2026-11-03T02:00:00Z"), List.of("C-1"), List.of("R-7"),
                List.of(entries.get(0), entries.get(1), third), "2026-11-03T02:00:48Z", "2026-11-03T02:00:59Z");
        assertThat(published.get(1)).isEqualTo(KeyValue.pair(published.get(0).key, expected));
        assertThat(published.get(1).key).isEqualTo(expected.flagId());
        assertThat(activity.readKeyValuesToMap().get(R7_NOV_3).followUps()).isEqualTo(1);
    }

    /** Two notes of R-7 on C-1 that are two follow-ups, not one entered twice: what sets them apart. */
    static Stream<Arguments> twoFollowUps() {
        return Stream.of(
                // 10:00:50 and 10:01:10 are 20 seconds apart but in two minutes
                arguments("the same note in the next minute", "10:00:50", NOTE, "10:01:10", NOTE),
                // two notes in one minute that differ in more than whitespace
                arguments("another note in the same minute", "10:00:05", NOTE, "10:00:40", "已发送报价单"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("twoFollowUps")
    void shouldCountANoteThatIsNoRetypedEntryAsAnotherFollowUp(String why, String firstTime, String firstNote,
            String secondTime, String secondNote) {
        // given
        startDriver();

        // when
        send(noteAt(firstTime, firstNote), noteAt(secondTime, secondNote));

        // then
        assertThat(flags.isEmpty()).isTrue();
        assertThat(activity.readKeyValuesToMap().get(R7_NOV_3)).isEqualTo(r7OnNov3ByPhone(2));
    }

    // --- the flags together --------------------------------------------------------------------

    @Test
    void shouldNotTouchCustomerOrMultiRepFlagsWithADuplicateEntry() {
        // given: C-1 and C-2 share a phone; R-A and R-B both followed up C-1 within 30 days
        startDriver();
        ObjectNode c1ByA = followUp("C-1", "R-A", "T-EAST", "2026-11-03T10:00:00+08:00").put("phone", "13800138000");
        ObjectNode c2ByB = followUp("C-2", "R-B", "T-EAST", "2026-11-04T10:00:00+08:00").put("phone", "13800138000");
        ObjectNode c1ByB = followUp("C-1", "R-B", "T-EAST", "2026-11-05T10:00:00+08:00").put("phone", "13800138000");
        send(c1ByA, c2ByB, c1ByB);
        Map<String, DuplicateFlag> before = flags.readKeyValuesToMap();
        DuplicateFlag customer = flag(DUPLICATE_CUSTOMER, "phone:13800138000", List.of("C-1", "C-2"),
                List.of("R-A", "R-B"), List.of(c1ByA, c2ByB), "2026-11-04T02:00:00Z", "2026-11-04T02:00:00Z");
        DuplicateFlag multiRep = flag(MULTI_REP, "C-1", List.of("C-1"), List.of("R-A", "R-B"),
                List.of(c1ByA, c1ByB), "2026-11-05T02:00:00Z", "2026-11-05T02:00:00Z");
        assertThat(before).isEqualTo(Map.of(customer.flagId(), customer, multiRep.flagId(), multiRep));

        // when: R-B's note on C-1 and C-2's note are each entered a second time under new eventIds
        ObjectNode c1Again = followUp("C-1", "R-B", "T-EAST", "2026-11-05T10:00:30+08:00").put("phone", "13800138000");
        ObjectNode c2Again = followUp("C-2", "R-B", "T-EAST", "2026-11-04T10:00:30+08:00").put("phone", "13800138000");
        send(c1Again, c2Again);

        // then: only the two DUPLICATE_ENTRY flags are published; the other two flags do not move
        List<KeyValue<String, DuplicateFlag>> published = flags.readKeyValuesToList();
        assertThat(published).extracting(kv -> kv.value.type())
                .containsExactly(DuplicateType.DUPLICATE_ENTRY, DuplicateType.DUPLICATE_ENTRY);
        assertThat(published).extracting(kv -> kv.value.eventIds()).containsExactly(
                List.of(eventId(c1ByB), eventId(c1Again)), List.of(eventId(c2ByB), eventId(c2Again)));
    }

    @Test
    void shouldRaiseNothingForAnotherFollowUpOfTheSameCustomerBySameRep() {
        // given: C-1 and C-2 share a phone, each with its own rep
        startDriver();
        send(followUp("C-1", "R-A", "T-EAST", "2026-11-03T10:00:00+08:00").put("phone", "13800138000"));
        send(followUp("C-2", "R-B", "T-EAST", "2026-11-04T10:00:00+08:00").put("phone", "13800138000"));
        flags.readKeyValuesToList();

        // when: R-A calls C-1 again a week later, a genuine new follow-up
        send(followUp("C-1", "R-A", "T-EAST", "2026-11-10T10:00:00+08:00").put("phone", "13800138000"));

        // then: no new customer, no new rep, no repeated entry
        assertThat(flags.isEmpty()).isTrue();
    }

    // --- helpers -------------------------------------------------------------------------------

    /**
     * The DUPLICATE_ENTRY key of C-1/R-7 with the note "电话沟通 介绍产品 客户要报价": customer, rep,
     * minute (UTC) and the first 16 hex digits of the SHA-256 of the normalised content (spaces
     * between Chinese words mean nothing, so they go), worked out outside the code:
     * {@code printf '%s' "电话沟通介绍产品客户要报价" | sha256sum | cut -c1-16}.
     */
    private static String entryKey(String minute) {
        return "C-1/R-7/" + minute + "/ed569293c939bd89";
    }

    /** C-1 by R-1 on 11-03 and C-2 by R-2 on 11-04 09:30, sent in this order: one phone number written two ways. */
    private List<ObjectNode> sendC1AndC2SharingAPhone() {
        List<ObjectNode> sent = List.of(
                followUp("C-1", "R-1", "T-EAST", "2026-11-03T10:00:00+08:00").put("phone", "+86 138-0013-8000"),
                followUp("C-2", "R-2", "T-EAST", "2026-11-04T09:30:00+08:00").put("phone", "13800138000"));
        sent.forEach(this::send);
        return sent;
    }

    /** R-7's call at 10:00:05, then the same note typed in again at 10:00:48 with other line breaks, sent. */
    private List<ObjectNode> sendOriginalAndRetyped() {
        List<ObjectNode> sent = List.of(noteAt("10:00:05", NOTE),
                noteAt("10:00:48", "电话沟通\n介绍产品   客户要报价\n"));
        sent.forEach(this::send);
        return sent;
    }

    /** A note of R-7 on C-1 at a Shanghai time of 2026-11-03 such as "10:00:05". */
    private static ObjectNode noteAt(String shanghaiTime, String content) {
        return followUp("C-1", "R-7", "T-EAST", "2026-11-03T" + shanghaiTime + "+08:00").put("content", content);
    }

    /** R-7's row of 2026-11-03: one customer, each follow-up a phone call. */
    private static ActivityRow r7OnNov3ByPhone(long followUps) {
        return new ActivityRow(ActivityScope.REP, "R-7", "T-EAST", Granularity.DAY, "2026-11-03", NOV_3, NOV_3,
                followUps, 1, Map.of("PHONE", followUps));
    }

    /** Sends the follow-ups in this order, keyed by customerId as ingest writes them. */
    private void send(ObjectNode... followUps) {
        for (ObjectNode followUp : followUps) {
            pulse.followups().pipeInput(followUp.get("customerId").asString(),
                    followUp.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The flag expected of these entries, listed in the order they count; times are UTC instants. */
    private static DuplicateFlag flag(DuplicateType type, String key, List<String> customerIds, List<String> repIds,
                                      List<ObjectNode> entries, String firstSeenAt, String lastSeenAt) {
        return new DuplicateFlag(type, key, customerIds, repIds, entries.stream().map(entry -> eventId(entry)).toList(),
                Instant.parse(firstSeenAt), Instant.parse(lastSeenAt));
    }

    private static String eventId(ObjectNode followUp) {
        return followUp.get("eventId").asString();
    }

    /**
     * A valid follow-up with a fresh eventId. Its only contact is a WeChat id of its own, so no two
     * customers match unless a test gives them a shared phone or email.
     */
    private static ObjectNode followUp(String customerId, String repId, String teamId, String occurredAt) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("eventId", UUID.randomUUID().toString());
        node.put("customerId", customerId);
        node.put("customerName", "客户" + customerId);
        node.put("wechat", "wx-" + customerId);
        node.put("repId", repId);
        node.put("teamId", teamId);
        node.put("occurredAt", occurredAt);
        node.put("channel", "PHONE");
        node.put("content", "电话沟通 介绍产品 客户要报价");
        node.put("stage", "QUALIFIED");
        return node;
    }
}
