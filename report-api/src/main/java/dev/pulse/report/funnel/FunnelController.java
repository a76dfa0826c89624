package dev.pulse.report.funnel;

import dev.pulse.report.web.DateRange;
import dev.pulse.report.web.Rows;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.LocalDate;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stage funnel of a cohort (DESIGN.md definition 2): customers whose first follow-up falls
 * between {@code from} and {@code to} (inclusive days in the reporting time zone), optionally only
 * those of one owner rep, team or source.
 */
@RestController
@RequestMapping("/api/v1")
class FunnelController {

    private static final String FROM = "First cohort day: customers whose first follow-up is on or after it (ISO date)";
    private static final String TO = "Last cohort day, inclusive (ISO date)";
    private static final String TEAM = "Only customers owned by this team";
    private static final String SOURCE = "Only customers from this source (of their first follow-up naming one)";

    private final FunnelQueries queries;

    FunnelController(FunnelQueries queries) {
        this.queries = queries;
    }

    @Operation(summary = "Stage funnel of a cohort: reached and current per stage, adjacent conversion rates, won, lost, win rate")
    @ApiResponse(responseCode = "400", description = "missing or invalid from/to, or from after to",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/reports/funnel")
    FunnelView funnel(
            @ParameterObject CohortQuery cohort) {
        return queries.funnel(cohort.filter());
    }

    @Operation(summary = "Stage-to-stage transition counts of a cohort, backward moves included, most frequent first")
    @ApiResponse(responseCode = "400", description = "missing or invalid from/to, or from after to",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/reports/stage-transitions")
    Rows<TransitionView> stageTransitions(
            @ParameterObject CohortQuery cohort) {
        return new Rows<>(queries.transitions(cohort.filter()));
    }

    @Operation(summary = "Median whole days from entering a stage to entering a later one, per stage in pipeline order "
            + "(with an even number of customers the lower middle value)")
    @ApiResponse(responseCode = "400", description = "missing or invalid from/to, or from after to",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/reports/time-in-stage")
    Rows<TimeInStageView> timeInStage(
            @ParameterObject CohortQuery cohort) {
        return new Rows<>(queries.timeInStage(cohort.filter()));
    }

    @Operation(summary = "Follow-up to sale conversion per owner rep: customers, customers with a sale, revenue per currency")
    @ApiResponse(responseCode = "400", description = "missing or invalid from/to, or from after to",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/reports/rep-conversion")
    Rows<RepConversionView> repConversion(
            @Parameter(description = FROM) @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = TO) @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = TEAM) @RequestParam(required = false) String teamId,
            @Parameter(description = SOURCE) @RequestParam(required = false) String source) {
        return new Rows<>(queries.repConversion(FunnelFilter.forCaller(new DateRange(from, to), null, teamId, source)));
    }

    @Operation(summary = "The pipeline's stages: code, order (0 for LOST), Chinese and English names, terminal")
    @GetMapping("/pipeline")
    PipelineView pipeline() {
        return queries.pipeline();
    }
}
