package dev.pulse.report.drill;

/** Which funnel figure of a stage: customers that reached it, or those at it now; ALL is the cohort's customers. */
enum FunnelMeasure {
    REACHED, CURRENT, ALL
}
