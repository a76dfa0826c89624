package dev.pulse.report.funnel;

import dev.pulse.events.funnel.FunnelCell;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One funnel_cell row: identity and scalar figures from its columns, the maps from its JSON. */
record StoredCell(LocalDate cohortDay, String repId, String teamId, String source, long customers, long withSale,
                  BigDecimal revenue, FunnelCell figures) {
}
