package dev.pulse.report.cycle;

import dev.pulse.report.funnel.FunnelFilter;
import dev.pulse.report.web.BadRequestException;
import dev.pulse.report.web.DateRange;
import dev.pulse.report.web.Parameters;
import dev.pulse.report.web.Rows;
import dev.pulse.events.messages.MessageCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Cycle length (median and distribution of days to won and to lost) and pipeline velocity of a cohort. */
@RestController
class CycleController {

    private static final String GROUP_BY = "none, rep (owner), team, source or month (cohort month)";

    private final CycleQueries queries;

    CycleController(CycleQueries queries) {
        this.queries = queries;
    }

    @Operation(summary = "Days from first follow-up to won and to lost: median, mean and distribution per group")
    @ApiResponse(responseCode = "400", description = "missing or invalid from/to, unknown groupBy",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/api/v1/reports/cycle-length")
    Rows<CycleLengthView> cycleLength(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String repId,
            @RequestParam(required = false) String teamId,
            @RequestParam(required = false) String source,
            @Parameter(description = GROUP_BY) @RequestParam(defaultValue = "none") String groupBy) {
        return new Rows<>(queries.cycleLength(FunnelFilter.forCaller(new DateRange(from, to), repId, teamId, source),
                Parameters.oneOf(CycleGrouping.class, "groupBy", groupBy)));
    }

    @Operation(summary = "The closed customers behind one cycle-length row: its length is the row's customers")
    @GetMapping("/api/v1/reports/cycle-length/customers")
    Rows<CycleCustomerView> customers(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String repId,
            @RequestParam(required = false) String teamId,
            @RequestParam(required = false) String source,
            @Parameter(description = GROUP_BY) @RequestParam(defaultValue = "none") String groupBy,
            @Parameter(description = "The group's value; absent or empty: customers without one")
            @RequestParam(required = false) String group,
            @Parameter(description = "WON or LOST") @RequestParam String outcome) {
        String closed = outcome.strip().toUpperCase(Locale.ROOT);
        if (!List.of(CycleQueries.WON, CycleQueries.LOST).contains(closed)) {
            throw new BadRequestException(MessageCode.PARAMETER_ONE_OF, "outcome", List.of("won", "lost"));
        }
        return new Rows<>(queries.customers(FunnelFilter.forCaller(new DateRange(from, to), repId, teamId, source),
                Parameters.oneOf(CycleGrouping.class, "groupBy", groupBy), Parameters.text(group), closed));
    }

    @Operation(summary = "Pipeline velocity with its four parts: open customers x win rate x average deal / cycle length, "
            + "per currency")
    @GetMapping("/api/v1/reports/velocity")
    VelocityView velocity(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String repId,
            @RequestParam(required = false) String teamId,
            @RequestParam(required = false) String source) {
        return queries.velocity(FunnelFilter.forCaller(new DateRange(from, to), repId, teamId, source));
    }
}
