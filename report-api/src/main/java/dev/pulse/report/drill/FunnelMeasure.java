package dev.pulse.report.drill;

/**
 * Which funnel figure of a stage: customers that reached it, or those at it now; ALL is the cohort's
 * customers, OPEN those at neither a won stage nor LOST now (the velocity's open customers),
 * DECIDED those at a won stage or LOST now (the win rate's denominator, each with its outcome as
 * its stage), WITH_SALE those with at least one sale (a rep-conversion row's with-sale cell).
 */
enum FunnelMeasure {
    REACHED, CURRENT, ALL, OPEN, DECIDED, WITH_SALE;

    /** The measures of one stage; the others are of the whole cohort. */
    boolean ofAStage() {
        return this == REACHED || this == CURRENT;
    }
}
