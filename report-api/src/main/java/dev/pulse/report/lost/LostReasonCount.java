package dev.pulse.report.lost;

/**
 * Lost customers of one group with one reason spelt one way, as SQL counts them.
 *
 * @param group    the group's value (stage lost from, rep, team or source); null for no grouping or no value
 * @param key      the reason trimmed and lower-cased: reasons equal but for case and outer spaces are one
 * @param spelling the reason as typed, trimmed: the most frequent spelling of a key is the one shown
 */
record LostReasonCount(String group, String key, String spelling, long customers) {
}
