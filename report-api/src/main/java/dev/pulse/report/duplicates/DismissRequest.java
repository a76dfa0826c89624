package dev.pulse.report.duplicates;

/** A manager's decision that a flag needs no action: who decided and why. */
public record DismissRequest(String by, String reason) {
}
