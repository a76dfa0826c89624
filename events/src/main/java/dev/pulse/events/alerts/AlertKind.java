package dev.pulse.events.alerts;

/**
 * Why a customer needs a call (DESIGN.md definition 3), and the later steps of the escalation
 * ladder of a STALE customer nobody followed up (definition 5).
 */
public enum AlertKind {
    /** No follow-up for longer than the threshold of the customer's current stage: the rep's step. */
    STALE,
    /** The planned next follow-up time passed with no follow-up since. */
    OVERDUE,
    /** Still no follow-up a configured time after going STALE: the manager's step (the team's route). */
    ESCALATED,
    /** Still no follow-up after a further time: the customer is released to the 公海 pool until a rep claims it. */
    RELEASED
}
