package dev.pulse.events;

/**
 * One stage of the sales pipeline. {@code order} ranks the forward stages; LOST has no rank
 * because it is reachable from any stage and does not "un-reach" the stages before it.
 *
 * @param code     stable code carried on events (LEAD, QUALIFIED, ...)
 * @param order    1-based rank among forward stages, or 0 for LOST
 * @param nameZh   Chinese label shown on dashboards
 * @param nameEn   English label shown on dashboards
 * @param terminal true for WON and LOST: no further follow-up is expected
 */
public record Stage(String code, int order, String nameZh, String nameEn, boolean terminal) {

    public boolean isLost() {
        return order == 0;
    }
}
