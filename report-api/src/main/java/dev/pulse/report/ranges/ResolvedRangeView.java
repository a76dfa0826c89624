package dev.pulse.report.ranges;

import java.time.LocalDate;

/** A preset as the reports read it today: the from/to to send, and the zone they were resolved in. */
public record ResolvedRangeView(String range, LocalDate from, LocalDate to, String zone) {
}
