package dev.pulse.events.alerts;

/** An alert is open from the crossing until a follow-up arrives or the customer closes. */
public enum AlertStatus {
    OPEN, RESOLVED
}
