package dev.pulse.report.funnel;

import dev.pulse.events.funnel.FunnelCell;

import java.time.LocalDate;
import java.util.Map;

/** A funnel cell delta as one grain keeps it: the row key of its cell and its figures. */
record FunnelRollup(FunnelGrain grain, String key, FunnelCell cell) {

    /** A processor's cell delta at every grain, each under its own row key. */
    static void addAtEveryGrain(FunnelCell delta, Map<String, FunnelRollup> rollups) {
        for (FunnelGrain grain : FunnelGrain.values()) {
            FunnelCell cell = grain.of(delta);
            String key = grain.key(cell); // written as JSON: once per grain and delta
            rollups.merge(key, new FunnelRollup(grain, key, cell), FunnelRollup::plus);
        }
    }

    FunnelRollup plus(FunnelRollup other) {
        return new FunnelRollup(grain, key, cell.plus(other.cell));
    }

    LocalDate cohortDay() {
        return cell.cohortDay();
    }

    String repId() {
        return cell.repId();
    }

    String teamId() {
        return cell.teamId();
    }

    String source() {
        return cell.source();
    }
}
