package dev.pulse.report.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.events.alerts.Alert;
import dev.pulse.events.alerts.AlertKind;
import dev.pulse.events.alerts.AlertStatus;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How several records of one alert in a poll fold into the one row the upsert writes. */
class AlertWriterTest {

    private static final Alert OPENED = new Alert(UUID.randomUUID(), AlertKind.STALE, AlertStatus.OPEN, "C-1", "王芳",
            "rep-1", "east", "QUOTE", Instant.parse("2026-11-01T02:00:00Z"), null, 3.0,
            Instant.parse("2026-11-04T02:00:00Z"), Instant.parse("2026-11-04T02:00:10Z"), null, null);

    @Test
    void shouldResolveAnOpenAlertAndKeepTheFirstRecordsColumns() {
        // given a later record of the same alert, resolved, with another customer name
        Alert resolved = new Alert(OPENED.alertId(), OPENED.kind(), AlertStatus.RESOLVED, "C-1", "王芳 (renamed)",
                "rep-1", "east", "QUOTE", OPENED.lastFollowUpAt(), null, 3.0, OPENED.dueAt(), OPENED.openedAt(),
                Instant.parse("2026-11-05T01:00:00Z"), "FOLLOWED_UP");

        // when
        Alert row = AlertWriter.thenApplied(OPENED, resolved);

        // then
        assertThat(row).isEqualTo(OPENED.resolved(Instant.parse("2026-11-05T01:00:00Z"), "FOLLOWED_UP"));
    }

    @Test
    void shouldNeverReopenAResolvedAlert() {
        // given
        Alert resolved = OPENED.resolved(Instant.parse("2026-11-05T01:00:00Z"), "CLOSED");

        // when a replay brings the OPEN record after the RESOLVED one
        Alert row = AlertWriter.thenApplied(resolved, OPENED);

        // then
        assertThat(row).isEqualTo(resolved);
    }
}
