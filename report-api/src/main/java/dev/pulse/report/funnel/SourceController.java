package dev.pulse.report.funnel;

import static dev.pulse.report.db.Tables.FUNNEL_CELL;

import dev.pulse.report.security.Scopes;
import dev.pulse.report.web.Rows;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer sources the caller may filter by, for the dashboards' source choice: those of the
 * funnel cells in the caller's scope, so a rep is not shown a source only other teams' customers
 * came from.
 */
@RestController
@RequestMapping("/api/v1")
class SourceController {

    /** More than a filter list can usefully show; the free-text filter of the reports still takes any. */
    static final int MAX_SOURCES = 500;

    private final DSLContext db;

    SourceController(DSLContext db) {
        this.db = db;
    }

    @Operation(summary = "Customer sources seen in the caller's scope, in order (at most 500)")
    @GetMapping("/sources")
    Rows<String> sources() {
        List<String> sources = db.selectDistinct(FUNNEL_CELL.SOURCE)
                .from(FUNNEL_CELL)
                .where(FUNNEL_CELL.SOURCE.isNotNull())
                .and(Scopes.rows(Scopes.checked(null, null), FUNNEL_CELL.REP_ID, FUNNEL_CELL.TEAM_ID))
                .orderBy(FUNNEL_CELL.SOURCE)
                .limit(MAX_SOURCES)
                .fetch(FUNNEL_CELL.SOURCE);
        return new Rows<>(sources);
    }
}
