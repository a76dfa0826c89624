package dev.pulse.events.alerts;

/** Why a customer needs a call (DESIGN.md definition 3). */
public enum AlertKind {
    /** No follow-up for longer than the threshold of the customer's current stage. */
    STALE,
    /** The planned next follow-up time passed with no follow-up since. */
    OVERDUE
}
