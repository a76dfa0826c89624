package dev.pulse.report.drill;

import dev.pulse.report.cycle.CycleQueries;
import dev.pulse.report.exports.ExportFormat;
import dev.pulse.report.exports.Exports;
import dev.pulse.report.funnel.CohortQuery;
import dev.pulse.report.funnel.FunnelFilter;
import dev.pulse.report.web.Parameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.Condition;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Every number traceable in sales of a cohort: those the velocity's average deal averages (the sales of
 * the cohort's customers won now, per currency: the amounts' sum over the distinct customers among
 * them), read with the velocity's own condition ({@link CycleQueries#salesOfWon}); and those a
 * rep-conversion row's revenue adds up (the sales of the cohort's customers the rep owns, per currency).
 * The velocity's cycle days are the won customers of the cycle-length list, its open customers and win
 * rate the funnel's lists.
 */
@RestController
class CohortSalesController {

    private final DrillQueries queries;
    private final CycleQueries cycles;
    private final Exports exports;

    CohortSalesController(DrillQueries queries, CycleQueries cycles, Exports exports) {
        this.queries = queries;
        this.cycles = cycles;
        this.exports = exports;
    }

    @Operation(summary = "The sales behind a cohort's sales figure: cohort-sales, a rep-conversion row's revenue (with "
            + "repId; every sale of the cohort's customers the owner filters keep, whenever placed: their sum per currency "
            + "is the revenue); won-sales, the velocity's average deal (every sale of the cohort's customers won now: their "
            + "sum per currency over the distinct customers among them)")
    @GetMapping("/api/v1/drill/{list:cohort-sales|won-sales}")
    DrillPage<SaleRow> sales(
            @PathVariable String list,
            @ParameterObject CohortQuery cohort,
            @Parameter(description = "Only sales in this ISO 4217 currency") @RequestParam(required = false) String currency,
            @ParameterObject Paging paging) {
        FunnelFilter filter = cohort.filter();
        return queries.sales(salesOf(list, filter), Parameters.text(currency), paging.checkedOffset(),
                paging.checkedLimit());
    }

    @Operation(summary = "The sales behind a cohort's sales figure as CSV or XLSX, audited")
    @GetMapping("/api/v1/exports/drill/{list:cohort-sales|won-sales}")
    ResponseEntity<StreamingResponseBody> exportSales(
            @PathVariable String list,
            @RequestParam(defaultValue = "csv") String format,
            @ParameterObject CohortQuery cohort,
            @RequestParam(required = false) String currency) {
        FunnelFilter filter = cohort.filter();
        ExportFormat fileFormat = exports.format(format);
        String code = Parameters.text(currency);
        var rows = queries.sales(salesOf(list, filter), code, 0, DrillController.EXPORT_MAX).rows();
        Map<String, Object> choices = new LinkedHashMap<>();
        choices.put("currency", code);
        return exports.send("drill-" + list, fileFormat, cohort.period(), filter.auditFilters(choices),
                DrillController.SALES, rows);
    }

    /** Each list's condition is its figure's own. */
    private Condition salesOf(String list, FunnelFilter filter) {
        return list.equals("won-sales") ? cycles.salesOfWon(filter) : queries.salesOfCohort(filter);
    }
}
