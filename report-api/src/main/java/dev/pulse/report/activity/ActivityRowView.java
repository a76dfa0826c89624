package dev.pulse.report.activity;

import java.time.LocalDate;
import java.util.Map;

/** One row of the rep-activity report (DESIGN.md "Interfaces"). */
public record ActivityRowView(
        String repId,
        String teamId,
        String bucket,
        LocalDate periodStart,
        LocalDate periodEnd,
        long followUps,
        long customers,
        Map<String, Long> byChannel) {
}
