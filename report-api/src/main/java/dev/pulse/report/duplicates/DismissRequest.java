package dev.pulse.report.duplicates;

/**
 * A manager's decision that a flag needs no action, and why. Who decided is the signed-in caller;
 * a {@code by} sent by older clients is ignored.
 */
public record DismissRequest(String by, String reason) {
}
