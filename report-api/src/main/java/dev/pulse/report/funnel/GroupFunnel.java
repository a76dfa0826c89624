package dev.pulse.report.funnel;

/** The funnel of one group of a cohort: a month ({@code 2026-11}), a rep id or a team id (null: no team). */
public record GroupFunnel(String group, FunnelView funnel) {
}
