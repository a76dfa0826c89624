package dev.pulse.report.drill;

import java.time.LocalDate;

/**
 * A customer touch behind the overview's touches card: one customer followed up by one rep (under
 * one team) on one day in the reporting zone, however many times that day.
 */
public record TouchRow(LocalDate day, String repId, String teamId, String customerId, String customerName,
                       long followUps) {
}
