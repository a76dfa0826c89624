package dev.pulse.report.drill;

/**
 * Which funnel figure of a stage: customers that reached it, or those at it now; ALL is the cohort's
 * customers, OPEN those at neither a won stage nor LOST now (the velocity's open customers).
 */
enum FunnelMeasure {
    REACHED, CURRENT, ALL, OPEN
}
