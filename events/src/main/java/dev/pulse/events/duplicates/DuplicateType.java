package dev.pulse.events.duplicates;

/** The three kinds of duplicate Pulse flags (DESIGN.md definition 4). */
public enum DuplicateType {
    /** Different customerIds that share a normalised phone, email or WeChat id: one person entered twice. */
    DUPLICATE_CUSTOMER,
    /** One customer followed up by two or more reps within the window: two reps chasing one customer. */
    MULTI_REP,
    /** The same follow-up entered twice under different eventIds: same customer, rep, minute and content. */
    DUPLICATE_ENTRY
}
