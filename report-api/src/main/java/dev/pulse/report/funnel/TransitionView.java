package dev.pulse.report.funnel;

/** Stage changes from one stage to another, backward moves included. */
public record TransitionView(String from, String to, long count) {
}
