package dev.pulse.report.projector;

import java.time.Instant;

/**
 * How fresh the reports are: {@code asOf} the acceptance time of the newest change projected (null
 * before the first), {@code lagMs} how long that change took from ingest to PostgreSQL, and
 * {@code lagRecords} the records not yet projected on this instance's partitions.
 */
public record FreshnessView(Instant asOf, Long lagMs, long lagRecords) {
}
