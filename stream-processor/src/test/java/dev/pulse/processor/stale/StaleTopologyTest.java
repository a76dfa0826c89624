package dev.pulse.processor.stale;

import static dev.pulse.processor.PulseDriverExtension.SHANGHAI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.pulse.events.Json;
import dev.pulse.events.Pipeline;
import dev.pulse.events.TopicNames;
import dev.pulse.events.alerts.Alert;
import dev.pulse.events.alerts.AlertKind;
import dev.pulse.events.alerts.AlertStatus;
import dev.pulse.events.alerts.Ladder;
import dev.pulse.processor.PulseDriver;
import dev.pulse.processor.PulseTopology;
import dev.pulse.processor.customer.CustomerState;
import dev.pulse.processor.customer.CustomerTopology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * DESIGN.md definition 3 (stale and overdue customers) through the very topology the service runs:
 * raw follow-up JSON in on followups, {@link Alert} out on alerts (keyed by alertId). "Now" is the
 * driver's mocked wall clock; no test sends a record to make detection happen, it only moves the
 * clock. Every expected alert is written out field by field, its times worked out by hand from T;
 * alert ids are computed here as the alerts topic promises them (customer, kind, due time). The
 * restart tests and the 1,000-customer check say in their helpers how they bend the driver.
 */
class StaleTopologyTest {

    /** The last contact of most customers below: Mon 2026-11-02 10:00 in Shanghai. */
    private static final Instant T = Instant.parse("2026-11-02T02:00:00Z");
    /** The validators' clock, a year after T, so that no follow-up below is "in the future". */
    private static final Instant VALIDATION_NOW = T.plus(Duration.ofDays(365));
    /** The default check interval of {@link StaleRules#defaults()}. */
    private static final Duration CHECK = Duration.ofSeconds(10);

    /** Holds the state directory, and its copy during a restart. */
    @TempDir
    Path tempDir;

    /** One per test; kept across a restart, as a redeployed instance keeps its application.id. */
    private final String applicationId = "stale-test-" + UUID.randomUUID();
    private final Map<String, String> phones = new HashMap<>();
    private StaleRules rules = StaleRules.defaults();
    private PulseDriver pulse;
    /** The driver's mocked wall clock, tracked here so a test can say "advance to T + 14 days". */
    private Instant wallClock;
    private TestOutputTopic<String, Alert> alerts;

    @AfterEach
    void closeDriver() {
        if (pulse != null) {
            pulse.close();
        }
    }

    // --- STALE: crossing the stage's threshold while nothing arrives ---------------------------

    @Test
    void shouldOpenOneStaleAlertWhenALeadCrossesFourteenDaysWhileNothingArrives() {
        // given: a LEAD contacted at T, entered a minute later
        startDriver(T.plus(Duration.ofMinutes(1)));
        send(followUp("C-1", "LEAD", T));
        advanceTo(T.plus(Duration.ofDays(13)).plus(Duration.ofHours(23)));
        advanceBy(CHECK);
        assertThat(alerts.isEmpty()).as("13d 23h 00m 10s since the contact is not 14 days").isTrue();

        // when: the clock alone moves past T + 14d; not one record is sent
        Instant detected = T.plus(Duration.ofDays(14)).plus(CHECK);
        advanceTo(detected);

        // then: one OPEN STALE alert, due at T + 14d, detected at T + 14d + 10s
        Instant due = T.plus(Duration.ofDays(14));
        Alert expected = new Alert(alertId("C-1", AlertKind.STALE, due), AlertKind.STALE, AlertStatus.OPEN,
                "C-1", "客户C-1", "R-7", "T-EAST", "LEAD", T, null, 14.0, due, detected, null, null);
        assertThat(alerts.readKeyValuesToList())
                .containsExactly(KeyValue.pair(expected.alertId().toString(), expected));

        // and it opens once, however long the customer stays forgotten
        advanceBy(CHECK);
        advanceBy(CHECK);
        advanceTo(T.plus(Duration.ofDays(60)));
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void shouldAlertEachStageAfterItsOwnThreshold() {
        // given: one customer per open stage, all contacted at T
        startDriver(T.plus(Duration.ofMinutes(1)));
        for (String stage : List.of("LEAD", "QUALIFIED", "PROPOSAL", "QUOTE", "CONTRACT")) {
            send(followUp("C-" + stage, stage, T));
        }

        // when / then: 10 s short of 3 days nobody is stale; QUOTE and CONTRACT (3 days) go stale
        // right after T + 3d
        Instant threeDays = T.plus(Duration.ofDays(3));
        assertThat(alertsOpeningAround(threeDays)).extracting(Alert::customerId, Alert::thresholdDays, Alert::dueAt)
                .containsExactlyInAnyOrder(tuple("C-QUOTE", 3.0, threeDays), tuple("C-CONTRACT", 3.0, threeDays));

        // QUALIFIED and PROPOSAL (7 days) not before T + 7d, then both
        Instant sevenDays = T.plus(Duration.ofDays(7));
        assertThat(alertsOpeningAround(sevenDays)).extracting(Alert::customerId, Alert::thresholdDays, Alert::dueAt)
                .containsExactlyInAnyOrder(tuple("C-QUALIFIED", 7.0, sevenDays), tuple("C-PROPOSAL", 7.0, sevenDays));

        // LEAD (14 days) last
        Instant fourteenDays = T.plus(Duration.ofDays(14));
        assertThat(alertsOpeningAround(fourteenDays)).extracting(Alert::customerId, Alert::thresholdDays, Alert::dueAt)
                .containsExactly(tuple("C-LEAD", 14.0, fourteenDays));
    }

    @Test
    void shouldAlertAQuoteAfterThreeDaysAndNotBefore() {
        // given
        startDriver(T.plus(Duration.ofMinutes(1)));
        send(followUp("C-1", "QUOTE", T));

        // when: 2d 23h 59m 50s after the contact
        advanceTo(T.plus(Duration.ofDays(3)).minus(CHECK));

        // then
        assertThat(alerts.isEmpty()).isTrue();

        // when: 3d 10s after
        Instant detected = T.plus(Duration.ofDays(3)).plus(CHECK);
        advanceTo(detected);

        // then
        Instant due = T.plus(Duration.ofDays(3));
        assertThat(alerts.readValuesToList()).containsExactly(new Alert(alertId("C-1", AlertKind.STALE, due),
                AlertKind.STALE, AlertStatus.OPEN, "C-1", "客户C-1", "R-7", "T-EAST", "QUOTE", T, null, 3.0,
                due, detected, null, null));
    }

    @Test
    void shouldCountTheThresholdFromTheLatestContactWhenAFollowUpComesInTime() {
        // given: a LEAD contacted at T, and again at T + 10d, before it went stale
        startDriver(T.plus(Duration.ofMinutes(1)));
        send(followUp("C-1", "LEAD", T));
        Instant again = T.plus(Duration.ofDays(10));
        advanceTo(again.plus(Duration.ofMinutes(1)));
        send(followUp("C-1", "LEAD", again));

        // when: past T + 14d, where the first contact alone would have made it stale
        advanceTo(T.plus(Duration.ofDays(14)).plus(CHECK));

        // then: nothing was open, so nothing resolves, and nothing opens
        assertThat(alerts.isEmpty()).isTrue();

        // when: past T + 10d + 14d = T + 24d
        Instant due = again.plus(Duration.ofDays(14));
        List<Alert> opened = alertsOpeningAround(due);

        // then
        assertThat(opened).containsExactly(staleOpenedAtTheCheck("C-1", "LEAD", again, 14.0, due));
    }

    @Test
    void shouldOpenAnImportedCustomerThatIsAlreadyStaleAtTheNextCheck() {
        // given: a spreadsheet imported at T holds a QUALIFIED contact of T - 30d, next call planned T - 20d
        startDriver(T);
        Instant contact = T.minus(Duration.ofDays(30));
        Instant planned = T.minus(Duration.ofDays(20));
        send(followUp("C-1", "QUALIFIED", contact).put("nextFollowUpAt", planned.toString()));

        // when: the next check, with both crossings (T - 20d and T - 23d) long past
        advanceBy(CHECK);

        // then: both open in that one check, each due when it was crossed
        Instant staleDue = contact.plus(Duration.ofDays(7));
        Instant detected = T.plus(CHECK);
        assertThat(alerts.readValuesToList()).containsExactlyInAnyOrder(
                new Alert(alertId("C-1", AlertKind.OVERDUE, planned), AlertKind.OVERDUE, AlertStatus.OPEN, "C-1",
                        "客户C-1", "R-7", "T-EAST", "QUALIFIED", contact, planned, null, planned, detected, null, null),
                new Alert(alertId("C-1", AlertKind.STALE, staleDue), AlertKind.STALE, AlertStatus.OPEN, "C-1",
                        "客户C-1", "R-7", "T-EAST", "QUALIFIED", contact, planned, 7.0, staleDue, detected, null,
                        null));

        // and a call resolves both
        advanceTo(T.plus(Duration.ofHours(1)));
        send(followUp("C-1", "QUALIFIED", T.plus(Duration.ofMinutes(30))));
        assertThat(alerts.readValuesToList()).extracting(Alert::kind, Alert::status, Alert::resolution)
                .containsExactlyInAnyOrder(
                        tuple(AlertKind.OVERDUE, AlertStatus.RESOLVED, "FOLLOWED_UP"),
                        tuple(AlertKind.STALE, AlertStatus.RESOLVED, "FOLLOWED_UP"));
    }

    @Test
    void shouldApplyConfiguredThresholdsAndCheckInterval() {
        // given: LEAD goes stale after one hour, checked every 5 s; QUALIFIED has no threshold at all
        rules = new StaleRules(Map.of("LEAD", Duration.ofHours(1)), Duration.ofSeconds(5), Pipeline.defaults());
        startDriver(T.plus(Duration.ofMinutes(1)));
        send(followUp("C-1", "LEAD", T));
        send(followUp("C-2", "QUALIFIED", T));

        // when: 5 s short of the hour
        advanceTo(T.plus(Duration.ofHours(1)).minusSeconds(5));

        // then
        assertThat(alerts.isEmpty()).isTrue();

        // when: one check interval (5 s) past the hour
        Instant detected = T.plus(Duration.ofHours(1)).plusSeconds(5);
        advanceTo(detected);

        // then: 1 h is 1/24 of a day
        Instant due = T.plus(Duration.ofHours(1));
        assertThat(alerts.readValuesToList()).containsExactly(new Alert(alertId("C-1", AlertKind.STALE, due),
                AlertKind.STALE, AlertStatus.OPEN, "C-1", "客户C-1", "R-7", "T-EAST", "LEAD", T, null, 1.0 / 24,
                due, detected, null, null));

        // and a stage without a threshold never goes stale
        advanceTo(T.plus(Duration.ofDays(90)));
        assertThat(alerts.isEmpty()).isTrue();
    }

    // --- OVERDUE: the planned next follow-up passed ----------------------------------------------

    @Test
    void shouldOpenOverdueWhenTheNextFollowUpPassesAndStaleLaterAsASecondAlert() {
        // given: a QUALIFIED customer contacted at T, next call planned for T + 2d
        startDriver(T.plus(Duration.ofMinutes(1)));
        Instant planned = T.plus(Duration.ofDays(2));
        send(followUp("C-1", "QUALIFIED", T).put("nextFollowUpAt", planned.toString()));
        advanceTo(planned.minus(CHECK));
        assertThat(alerts.isEmpty()).isTrue();

        // when
        Instant overdueAt = planned.plus(CHECK);
        advanceTo(overdueAt);

        // then: OVERDUE, which has no threshold
        Alert overdue = new Alert(alertId("C-1", AlertKind.OVERDUE, planned), AlertKind.OVERDUE, AlertStatus.OPEN,
                "C-1", "客户C-1", "R-7", "T-EAST", "QUALIFIED", T, planned, null, planned, overdueAt, null, null);
        assertThat(alerts.readKeyValuesToList()).containsExactly(KeyValue.pair(overdue.alertId().toString(), overdue));

        // when: still no call by T + 7d, QUALIFIED's threshold
        advanceTo(T.plus(Duration.ofDays(7)).minus(CHECK));
        assertThat(alerts.isEmpty()).isTrue();
        Instant staleAt = T.plus(Duration.ofDays(7)).plus(CHECK);
        advanceTo(staleAt);

        // then: a second, separate alert; the OVERDUE one stays open and is not repeated
        Instant due = T.plus(Duration.ofDays(7));
        Alert stale = new Alert(alertId("C-1", AlertKind.STALE, due), AlertKind.STALE, AlertStatus.OPEN,
                "C-1", "客户C-1", "R-7", "T-EAST", "QUALIFIED", T, planned, 7.0, due, staleAt, null, null);
        assertThat(alerts.readKeyValuesToList()).containsExactly(KeyValue.pair(stale.alertId().toString(), stale));
        assertThat(stale.alertId()).isNotEqualTo(overdue.alertId());
        advanceTo(T.plus(Duration.ofDays(30)));
        assertThat(alerts.isEmpty()).isTrue();
    }

    // --- lifecycle: resolve on a follow-up, re-open on a later crossing ------------------------

    @Test
    void shouldResolveOnAFollowUpAndOpenANewAlertOnTheNextCrossing() {
        // given: a QUOTE contacted at T went stale at T + 3d
        startDriver(T.plus(Duration.ofMinutes(1)));
        send(followUp("C-1", "QUOTE", T));
        Instant due = T.plus(Duration.ofDays(3));
        Instant openedAt = due.plus(CHECK);
        advanceTo(openedAt);
        Alert opened = new Alert(alertId("C-1", AlertKind.STALE, due), AlertKind.STALE, AlertStatus.OPEN,
                "C-1", "客户C-1", "R-7", "T-EAST", "QUOTE", T, null, 3.0, due, openedAt, null, null);
        assertThat(alerts.readValuesToList()).containsExactly(opened);

        // when: the rep calls at T + 4d - 5 min and enters it at T + 4d
        Instant call = T.plus(Duration.ofDays(4)).minus(Duration.ofMinutes(5));
        Instant entered = T.plus(Duration.ofDays(4));
        advanceTo(entered);
        assertThat(alerts.isEmpty()).isTrue();
        send(followUp("C-1", "QUOTE", call));

        // then: the same alert, resolved when the follow-up arrived
        Alert resolved = new Alert(opened.alertId(), AlertKind.STALE, AlertStatus.RESOLVED, "C-1", "客户C-1",
                "R-7", "T-EAST", "QUOTE", T, null, 3.0, due, openedAt, entered, "FOLLOWED_UP");
        assertThat(alerts.readKeyValuesToList()).containsExactly(KeyValue.pair(opened.alertId().toString(), resolved));

        // when: three more days without a call, counted from the new contact
        Instant nextDue = call.plus(Duration.ofDays(3));
        advanceTo(nextDue.minus(CHECK));
        assertThat(alerts.isEmpty()).isTrue();
        Instant reopenedAt = nextDue.plus(CHECK);
        advanceTo(reopenedAt);

        // then: a new alert with its own id
        Alert reopened = new Alert(alertId("C-1", AlertKind.STALE, nextDue), AlertKind.STALE, AlertStatus.OPEN,
                "C-1", "客户C-1", "R-7", "T-EAST", "QUOTE", call, null, 3.0, nextDue, reopenedAt, null, null);
        assertThat(alerts.readKeyValuesToList())
                .containsExactly(KeyValue.pair(reopened.alertId().toString(), reopened));
        assertThat(reopened.alertId()).isNotEqualTo(opened.alertId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"WON", "LOST"})
    void shouldResolveEveryOpenAlertAsClosedWhenTheCustomerClosesAndNeverAlertAgain(String closedStage) {
        // given: a QUOTE contacted at T with a call planned for T + 1d is both OVERDUE and STALE at T + 3d
        startDriver(T.plus(Duration.ofMinutes(1)));
        Instant planned = T.plus(Duration.ofDays(1));
        send(followUp("C-1", "QUOTE", T).put("nextFollowUpAt", planned.toString()));
        advanceTo(planned.plus(CHECK));
        Instant due = T.plus(Duration.ofDays(3));
        advanceTo(due.plus(CHECK));
        Alert overdue = new Alert(alertId("C-1", AlertKind.OVERDUE, planned), AlertKind.OVERDUE, AlertStatus.OPEN,
                "C-1", "客户C-1", "R-7", "T-EAST", "QUOTE", T, planned, null, planned, planned.plus(CHECK),
                null, null);
        Alert stale = new Alert(alertId("C-1", AlertKind.STALE, due), AlertKind.STALE, AlertStatus.OPEN,
                "C-1", "客户C-1", "R-7", "T-EAST", "QUOTE", T, planned, 3.0, due, due.plus(CHECK), null, null);
        assertThat(alerts.readValuesToList()).containsExactly(overdue, stale);

        // when: the deal is won (or lost) at T + 4d
        Instant closedAt = T.plus(Duration.ofDays(4));
        advanceTo(closedAt);
        send(followUp("C-1", closedStage, closedAt));

        // then: both alerts resolve, as CLOSED, under their own ids
        assertThat(alerts.readKeyValuesToList()).containsExactlyInAnyOrder(
                KeyValue.pair(overdue.alertId().toString(), overdue.resolved(closedAt, "CLOSED")),
                KeyValue.pair(stale.alertId().toString(), stale.resolved(closedAt, "CLOSED")));
        assertThat(alerts.readKeyValuesToList()).isEmpty();

        // and a closed customer is never stale nor overdue, however far the clock goes
        advanceBy(CHECK);
        advanceTo(T.plus(Duration.ofDays(30)));
        advanceTo(T.plus(Duration.ofDays(400)));
        assertThat(alerts.isEmpty()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"WON", "LOST"})
    void shouldNeverAlertACustomerWhoseFirstFollowUpClosesIt(String closedStage) {
        // given: even with a next call planned (a won customer may get a courtesy call)
        startDriver(T.plus(Duration.ofMinutes(1)));
        send(followUp("C-1", closedStage, T).put("nextFollowUpAt", T.plus(Duration.ofDays(1)).toString()));

        // when
        advanceBy(CHECK);
        advanceTo(T.plus(Duration.ofDays(1)).plus(CHECK));
        advanceTo(T.plus(Duration.ofDays(15)));
        advanceTo(T.plus(Duration.ofDays(400)));

        // then: no alert, and the customer is not waiting in the due-time index
        assertThat(alerts.isEmpty()).isTrue();
        assertThat(dueIndexEntries()).isEmpty();
    }

    // --- out-of-order arrival ---------------------------------------------------------------------

    @Test
    void shouldIgnoreAnOlderFollowUpArrivingLateAfterTheAlertOpened() {
        // given: a QUOTE contacted at T is stale since T + 3d
        startDriver(T.plus(Duration.ofMinutes(1)));
        send(followUp("C-1", "QUOTE", T));
        Instant due = T.plus(Duration.ofDays(3));
        advanceTo(due.plus(CHECK));
        assertThat(alerts.readValuesToList()).extracting(Alert::alertId, Alert::status)
                .containsExactly(tuple(alertId("C-1", AlertKind.STALE, due),
                        AlertStatus.OPEN));

        // when: a contact of T - 1d (as LEAD, with a call planned for T + 5d) arrives an hour later
        advanceTo(due.plus(Duration.ofHours(1)));
        send(followUp("C-1", "LEAD", T.minus(Duration.ofDays(1)))
                .put("nextFollowUpAt", T.plus(Duration.ofDays(5)).toString()));

        // then: nothing resolves, and nothing new falls due: had it counted, OVERDUE would open at
        // T + 5d and a LEAD STALE at T - 1d + 14d = T + 13d
        assertThat(alerts.isEmpty()).isTrue();
        advanceTo(T.plus(Duration.ofDays(5)).plus(CHECK));
        advanceTo(T.plus(Duration.ofDays(13)).plus(CHECK));
        advanceTo(T.plus(Duration.ofDays(60)));
        assertThat(alerts.isEmpty()).isTrue();
        assertThat(watch("C-1").stage()).isEqualTo("QUOTE");
        assertThat(watch("C-1").lastFollowUpAt()).isEqualTo(T);
    }

    @Test
    void shouldKeepTheDueTimeOfTheLatestContactWhenAnOlderOneArrivesLate() {
        // given: a QUOTE contacted at T (due T + 3d)
        startDriver(T.plus(Duration.ofMinutes(1)));
        send(followUp("C-1", "QUOTE", T));

        // when: a LEAD contact of T - 1d with a call planned for T + 1d arrives after it
        send(followUp("C-1", "LEAD", T.minus(Duration.ofDays(1)))
                .put("nextFollowUpAt", T.plus(Duration.ofDays(1)).toString()));

        // then: no OVERDUE at T + 1d; STALE as a QUOTE, from T, at T + 3d
        advanceTo(T.plus(Duration.ofDays(1)).plus(CHECK));
        assertThat(alerts.isEmpty()).isTrue();
        Instant due = T.plus(Duration.ofDays(3));
        advanceTo(due.plus(CHECK));
        assertThat(alerts.readValuesToList()).containsExactly(staleOpenedAtTheCheck("C-1", "QUOTE", T, 3.0, due));
    }

    // --- restart ------------------------------------------------------------------------------

    @Test
    void shouldNotOpenAnAlertAgainAfterARestart() {
        // given: C-1 (QUOTE) opened at T + 3d + 10s; C-2 (LEAD) is due only at T + 14d
        Instant due1 = startWithC1OpenAndC2Waiting();
        assertThat(alerts.readValuesToList()).extracting(Alert::alertId)
                .containsExactly(alertId("C-1", AlertKind.STALE, due1));
        assertThat(watch("C-1").openAlerts()).containsOnlyKeys(AlertKind.STALE);
        assertThat(watch("C-1").openAlerts().get(AlertKind.STALE).alertId())
                .isEqualTo(alertId("C-1", AlertKind.STALE, due1));

        // when: the instance restarts at the same wall-clock time
        restartAt(wallClock);

        // then: the new instance finds the open alert in its store
        assertThat(watch("C-1").openAlerts()).containsOnlyKeys(AlertKind.STALE);
        assertThat(watch("C-1").openAlerts().get(AlertKind.STALE).alertId())
                .isEqualTo(alertId("C-1", AlertKind.STALE, due1));
        assertThat(watch("C-2").openAlerts()).isEmpty();

        advanceBy(CHECK);
        advanceBy(CHECK);
        advanceTo(T.plus(Duration.ofDays(14)).minus(CHECK));

        // then: C-1 is not opened a second time
        assertThat(alerts.isEmpty()).isTrue();

        // and C-2, filed before the restart, still opens on time, once
        Instant due2 = T.plus(Duration.ofDays(14));
        advanceTo(due2.plus(CHECK));
        advanceTo(T.plus(Duration.ofDays(20)));
        assertThat(alerts.readValuesToList()).containsExactly(staleOpenedAtTheCheck("C-2", "LEAD", T, 14.0, due2));
    }

    @Test
    void shouldOpenAnAlertThatFellDueWhileDownExactlyOnceAfterTheRestart() {
        // given: as above, C-1 opened before the instance stops at T + 3d + 10s
        Instant due1 = startWithC1OpenAndC2Waiting();
        assertThat(alerts.readValuesToList()).hasSize(1);

        // when: it comes back at T + 20d; C-2 fell due at T + 14d, while it was down
        Instant back = T.plus(Duration.ofDays(20));
        restartAt(back);
        advanceBy(CHECK);

        // then: C-2 opens within one check interval, C-1 is not repeated (its alert is still on file)
        Instant due2 = T.plus(Duration.ofDays(14));
        Alert expected = new Alert(alertId("C-2", AlertKind.STALE, due2), AlertKind.STALE, AlertStatus.OPEN,
                "C-2", "客户C-2", "R-7", "T-EAST", "LEAD", T, null, 14.0, due2, back.plus(CHECK), null, null);
        assertThat(alerts.readKeyValuesToList()).containsExactly(KeyValue.pair(expected.alertId().toString(), expected));
        assertThat(watch("C-1").openAlerts().get(AlertKind.STALE).alertId())
                .isEqualTo(alertId("C-1", AlertKind.STALE, due1));

        // and only once
        advanceBy(CHECK);
        advanceTo(T.plus(Duration.ofDays(60)));
        assertThat(alerts.isEmpty()).isTrue();
    }

    // --- the escalation ladder: rep, manager, pool (definition 5) -------------------------------

    /** LEAD stale after 1 h; the manager 2 h after that, the pool 3 h after the manager; checked every 5 s. */
    private static StaleRules ladderRules() {
        return new StaleRules(Map.of("LEAD", Duration.ofHours(1)), Duration.ofSeconds(5), Pipeline.defaults(),
                Ladder.parse("LEAD:PT2H/PT3H"));
    }

    private static final Duration LADDER_CHECK = Duration.ofSeconds(5);
    private static final Instant STALE_DUE = T.plus(Duration.ofHours(1));
    private static final Instant MANAGER_DUE = T.plus(Duration.ofHours(3));
    private static final Instant RELEASE_DUE = T.plus(Duration.ofHours(6));

    private static Alert ladderStep(AlertKind kind, Instant due, Instant openedAt) {
        return new Alert(alertId("C-1", kind, due), kind, AlertStatus.OPEN, "C-1", "客户C-1", "R-7", "T-EAST", "LEAD", T,
                null, 1.0 / 24, due, openedAt, null, null);
    }

    @Test
    void shouldClimbFromTheRepToTheManagerToThePoolAndBeClaimedByTheNextRepWhoCalls() {
        // given: a LEAD contacted at T by R-7 of T-EAST
        startLadderWithALeadContactedAtT();

        // when: the clock passes T + 1 h: the rep's step
        advanceTo(STALE_DUE.plus(LADDER_CHECK));
        Alert stale = ladderStep(AlertKind.STALE, STALE_DUE, STALE_DUE.plus(LADDER_CHECK));
        assertThat(alerts.readKeyValuesToList()).containsExactly(KeyValue.pair(stale.alertId().toString(), stale));

        // then: nothing more until T + 3 h, when the manager's step opens beside the rep's
        advanceTo(MANAGER_DUE.minus(LADDER_CHECK));
        assertThat(alerts.isEmpty()).isTrue();
        advanceTo(MANAGER_DUE.plus(LADDER_CHECK));
        Alert escalated = ladderStep(AlertKind.ESCALATED, MANAGER_DUE, MANAGER_DUE.plus(LADDER_CHECK));
        assertThat(alerts.readKeyValuesToList()).containsExactly(KeyValue.pair(escalated.alertId().toString(), escalated));

        // and at T + 6 h the customer goes to the pool, which ends the rep's and the manager's steps
        advanceTo(RELEASE_DUE.minus(LADDER_CHECK));
        assertThat(alerts.isEmpty()).isTrue();
        Instant releasedAt = RELEASE_DUE.plus(LADDER_CHECK);
        advanceTo(releasedAt);
        Alert released = ladderStep(AlertKind.RELEASED, RELEASE_DUE, releasedAt);
        assertThat(alerts.readValuesToList()).containsExactly(released,
                stale.resolved(releasedAt, "RELEASED"), escalated.resolved(releasedAt, "RELEASED"));
        assertThat(watch("C-1").openAlerts()).containsOnlyKeys(AlertKind.RELEASED);
        assertThat(dueIndexEntries()).as("nothing further is due for a pool customer").isEmpty();
        advanceTo(T.plus(Duration.ofDays(30)));
        assertThat(alerts.isEmpty()).isTrue();

        // when: R-9 of T-WEST calls the pool customer
        Instant call = T.plus(Duration.ofDays(30)).minusSeconds(60);
        ObjectNode claim = followUp("C-1", "LEAD", call).put("repId", "R-9").put("teamId", "T-WEST");
        send(claim);

        // then: the customer is claimed by R-9, and its new silence is R-9's
        Alert claimed = alerts.readValue();
        assertThat(claimed).isEqualTo(new Alert(released.alertId(), AlertKind.RELEASED, AlertStatus.RESOLVED, "C-1",
                "客户C-1", "R-7", "T-EAST", "LEAD", T, null, 1.0 / 24, RELEASE_DUE, releasedAt, wallClock, "CLAIMED",
                "R-9"));
        assertThat(alerts.isEmpty()).isTrue();
        Instant newDue = call.plus(Duration.ofHours(1));
        advanceTo(newDue.plus(LADDER_CHECK));
        assertThat(alerts.readValuesToList()).extracting(Alert::alertId, Alert::kind, Alert::repId, Alert::teamId)
                .containsExactly(tuple(alertId("C-1", AlertKind.STALE, newDue), AlertKind.STALE, "R-9", "T-WEST"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"STALE", "ESCALATED"})
    void shouldEndTheClimbWhenTheRepFollowsUpAtAnyStep(String step) {
        // given: the customer climbed to the step
        startLadderWithALeadContactedAtT();
        Instant reached = (step.equals("STALE") ? STALE_DUE : MANAGER_DUE).plus(LADDER_CHECK);
        advanceTo(reached);
        List<Alert> open = alerts.readValuesToList();
        assertThat(open).extracting(Alert::kind).last().isEqualTo(AlertKind.valueOf(step));

        // when: the rep calls; QUALIFIED has no threshold here, so nothing new starts
        advanceBy(Duration.ofMinutes(1));
        send(followUp("C-1", "QUALIFIED", reached));

        // then: every open step resolves as followed up, and no later step ever opens
        assertThat(alerts.readValuesToList()).containsExactlyInAnyOrderElementsOf(
                open.stream().map(alert -> alert.resolved(wallClock, "FOLLOWED_UP")).toList());
        assertThat(dueIndexEntries()).isEmpty();
        advanceTo(T.plus(Duration.ofDays(30)));
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void shouldResumeTheClimbAfterARestartWithoutRepeatingAStep() {
        // given: the manager's step is open when the instance stops
        startLadderWithALeadContactedAtT();
        advanceTo(MANAGER_DUE.plus(LADDER_CHECK));
        assertThat(alerts.readValuesToList()).extracting(Alert::kind).containsExactly(AlertKind.STALE, AlertKind.ESCALATED);

        // when: it restarts at the same time
        restartAt(wallClock);
        advanceTo(RELEASE_DUE.minus(LADDER_CHECK));

        // then: no step opens again, and the release comes on time, once
        assertThat(alerts.isEmpty()).isTrue();
        Instant releasedAt = RELEASE_DUE.plus(LADDER_CHECK);
        advanceTo(releasedAt);
        assertThat(alerts.readValuesToList()).containsExactly(ladderStep(AlertKind.RELEASED, RELEASE_DUE, releasedAt),
                // one jump of the clock to T + 3 h 5 s opened the rep's and the manager's steps in one check
                ladderStep(AlertKind.STALE, STALE_DUE, MANAGER_DUE.plus(LADDER_CHECK)).resolved(releasedAt, "RELEASED"),
                ladderStep(AlertKind.ESCALATED, MANAGER_DUE, MANAGER_DUE.plus(LADDER_CHECK)).resolved(releasedAt, "RELEASED"));

        // and after a second restart the pool customer is still claimable
        restartAt(wallClock);
        assertThat(watch("C-1").openAlerts()).containsOnlyKeys(AlertKind.RELEASED);
        send(followUp("C-1", "QUALIFIED", T.plus(Duration.ofDays(1))).put("repId", "R-9"));
        assertThat(alerts.readValuesToList()).extracting(Alert::kind, Alert::resolution, Alert::claimedBy)
                .containsExactly(tuple(AlertKind.RELEASED, "CLAIMED", "R-9"));
    }

    @Test
    void shouldOpenEveryStepThatFellDueWhileDownInOneCheck() {
        // given: the instance is down from T + 1 min to T + 10 h, past all three steps
        startLadderWithALeadContactedAtT();
        restartAt(T.plus(Duration.ofHours(10)));

        // when: its first check
        advanceBy(LADDER_CHECK);

        // then: each step opens with its own due time, in order, and the pool ends the first two
        Instant now = wallClock;
        Alert stale = ladderStep(AlertKind.STALE, STALE_DUE, now);
        Alert escalated = ladderStep(AlertKind.ESCALATED, MANAGER_DUE, now);
        assertThat(alerts.readValuesToList()).containsExactly(stale, escalated,
                ladderStep(AlertKind.RELEASED, RELEASE_DUE, now), stale.resolved(now, "RELEASED"),
                escalated.resolved(now, "RELEASED"));
    }

    // --- scale --------------------------------------------------------------------------------

    @Test
    void shouldVisitOnlyTheDueCustomersOfOneCheck() {
        // given: 1,000 customers contacted at T; 997 LEADs (due T + 14d) and 3 QUOTEs (due T + 3d)
        startStaleOnlyDriver(T.plus(Duration.ofMinutes(1)));
        List<String> quotes = List.of("C-0100", "C-0500", "C-0900");
        List<String> leads = new ArrayList<>();
        for (int i = 1; i <= 1_000; i++) {
            String customerId = "C-%04d".formatted(i);
            boolean quote = quotes.contains(customerId);
            if (!quote) {
                leads.add(customerId);
            }
            send(followUp(customerId, quote ? "QUOTE" : "LEAD", T));
        }
        assertThat(dueIndexEntries()).hasSize(1_000);

        // when: one check past T + 3d
        advanceTo(T.plus(Duration.ofDays(3)).plus(CHECK));

        // then: exactly the three QUOTEs alert, and the index keeps the 997 others, untouched
        Instant due = T.plus(Duration.ofDays(3));
        assertThat(alerts.readValuesToList()).extracting(Alert::alertId, Alert::kind, Alert::status, Alert::dueAt)
                .containsExactlyInAnyOrder(
                        tuple(alertId("C-0100", AlertKind.STALE, due), AlertKind.STALE, AlertStatus.OPEN, due),
                        tuple(alertId("C-0500", AlertKind.STALE, due), AlertKind.STALE, AlertStatus.OPEN, due),
                        tuple(alertId("C-0900", AlertKind.STALE, due), AlertKind.STALE, AlertStatus.OPEN, due));
        List<KeyValue<String, String>> left = dueIndexEntries();
        assertThat(left).hasSize(997);
        assertThat(left).extracting(kv -> kv.value).containsExactlyInAnyOrderElementsOf(leads);
    }

    // --- helpers ------------------------------------------------------------------------------

    /** The service's topology, with {@link #rules}, its wall clock starting at {@code startWallClock}. */
    private void startDriver(Instant startWallClock) {
        startDriver(PulseDriver.topology(SHANGHAI, VALIDATION_NOW, PulseTopology.DEFAULT_MULTI_REP_WINDOW, rules),
                startWallClock);
    }

    private void startDriver(Topology topology, Instant startWallClock) {
        pulse = PulseDriver.start(topology, applicationId, tempDir.resolve("state"), startWallClock);
        wallClock = startWallClock;
        alerts = pulse.output(TopicNames.defaults().alerts(), Alert.class);
    }

    /**
     * The whole service topology: since every per-customer check shares one processor and one
     * customer store, 1,000 follow-ups through all of it take seconds, although the driver commits,
     * flushes and checkpoints after each record.
     */
    private void startStaleOnlyDriver(Instant startWallClock) {
        startDriver(startWallClock);
    }

    /**
     * Stops the instance and starts a new one on the same state directory and application id.
     *
     * <p>{@code TopologyTestDriver.close()} deletes its state directory ({@code StateDirectory.clean()})
     * and a new driver restores nothing from changelog topics, so a plain close-and-reopen would start
     * from empty stores and prove nothing. So the directory is copied as the last commit left it on
     * disk (the driver commits, flushes and checkpoints after every record and every clock advance),
     * which is what a stopped or crashed instance leaves behind, and put back after the close.
     */
    private void restartAt(Instant startWallClock) {
        Path stateDir = tempDir.resolve("state");
        Path snapshot = tempDir.resolve("snapshot");
        copyTree(stateDir, snapshot);
        pulse.close();
        pulse = null;
        deleteTree(stateDir);
        copyTree(snapshot, stateDir);
        deleteTree(snapshot);
        startDriver(startWallClock);
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Nothing opens until a check before {@code due}; returns what opens at the check after it. */
    private List<Alert> alertsOpeningAround(Instant due) {
        advanceTo(due.minus(CHECK));
        assertThat(alerts.isEmpty()).isTrue();
        advanceTo(due.plus(CHECK));
        return alerts.readValuesToList();
    }

    /** An OPEN STALE alert of a customer of R-7 of T-EAST, opened by the first check after it fell due. */
    private static Alert staleOpenedAtTheCheck(String customerId, String stage, Instant lastFollowUpAt,
                                               double thresholdDays, Instant due) {
        return new Alert(alertId(customerId, AlertKind.STALE, due), AlertKind.STALE, AlertStatus.OPEN, customerId,
                "客户" + customerId, "R-7", "T-EAST", stage, lastFollowUpAt, null, thresholdDays, due, due.plus(CHECK),
                null, null);
    }

    /** C-1 (QUOTE) and C-2 (LEAD) contacted at T; the clock runs until C-1's alert, due at T + 3d, opens. */
    private Instant startWithC1OpenAndC2Waiting() {
        startDriver(T.plus(Duration.ofMinutes(1)));
        send(followUp("C-1", "QUOTE", T));
        send(followUp("C-2", "LEAD", T));
        Instant due1 = T.plus(Duration.ofDays(3));
        advanceTo(due1.plus(CHECK));
        return due1;
    }

    /** The escalation ladder's rules, and C-1, a LEAD contacted at T by R-7 of T-EAST. */
    private void startLadderWithALeadContactedAtT() {
        rules = ladderRules();
        startDriver(T.plus(Duration.ofMinutes(1)));
        send(followUp("C-1", "LEAD", T));
    }

    private void advanceTo(Instant to) {
        advanceBy(Duration.between(wallClock, to));
    }

    private void advanceBy(Duration duration) {
        assertThat(duration).as("the wall clock only moves forward").isPositive();
        pulse.driver().advanceWallClockTime(duration);
        wallClock = wallClock.plus(duration);
    }

    private void send(ObjectNode followUp) {
        pulse.followups().pipeInput(followUp.get("customerId").asString(),
                followUp.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A valid follow-up by rep R-7 of T-EAST with a fresh eventId; each customer has its own phone. */
    private ObjectNode followUp(String customerId, String stage, Instant occurredAt) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("eventId", UUID.randomUUID().toString());
        node.put("customerId", customerId);
        node.put("customerName", "客户" + customerId);
        // distinct phones keep the duplicate-customer check quiet
        node.put("phone", phones.computeIfAbsent(customerId, id -> "1380000%04d".formatted(phones.size())));
        node.put("repId", "R-7");
        node.put("teamId", "T-EAST");
        node.put("occurredAt", occurredAt.toString());
        node.put("channel", "PHONE");
        node.put("content", "跟进：" + stage + " " + occurredAt);
        node.put("stage", stage);
        if ("LOST".equals(stage)) {
            node.put("lostReason", "预算取消");
        }
        return node;
    }

    /** The id the alerts topic promises: a name-based UUID of customer, kind and due time. */
    private static UUID alertId(String customerId, AlertKind kind, Instant dueAt) {
        return UUID.nameUUIDFromBytes((customerId + "|" + kind + "|" + dueAt.toEpochMilli())
                .getBytes(StandardCharsets.UTF_8));
    }

    private CustomerWatch watch(String customerId) {
        KeyValueStore<String, CustomerState> store = pulse.driver().getKeyValueStore(CustomerTopology.CUSTOMER_STORE);
        CustomerState state = store.get(customerId);
        return state == null ? null : state.watch();
    }

    private List<KeyValue<String, String>> dueIndexEntries() {
        KeyValueStore<String, String> store = pulse.driver().getKeyValueStore(CustomerTopology.DUE_INDEX_STORE);
        List<KeyValue<String, String>> entries = new ArrayList<>();
        try (KeyValueIterator<String, String> all = store.all()) {
            all.forEachRemaining(entries::add);
        }
        return entries;
    }
}
