package dev.pulse.report.drill;

import dev.pulse.events.Pipeline;
import dev.pulse.events.Stage;
import dev.pulse.report.exports.Columns;
import dev.pulse.report.exports.ExportFormat;
import dev.pulse.report.exports.Exports;
import dev.pulse.report.funnel.CohortQuery;
import dev.pulse.report.funnel.FunnelFilter;
import dev.pulse.report.journey.OwnedCustomer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Every number traceable on the funnel page's stage charts: the stage changes behind a transition
 * count (the Sankey's links and the moves-back table) and the customers behind a stage's time in
 * stage, with {@code total} equal to the figure, and the same lists as CSV or XLSX. Each takes the
 * funnel's cohort filters (a customer's owner rep, team and source, within the caller's scope) plus
 * the figure's stages.
 */
@RestController
class StageMoveController {

    static final Columns<StageMoveRow> MOVES = OwnedCustomer.<StageMoveRow>columns().then(
            Columns.text("from_stage", StageMoveRow::fromStage), Columns.text("to_stage", StageMoveRow::toStage),
            Columns.text("event_id", r -> r.eventId().toString()), Columns.time("occurred_at", StageMoveRow::occurredAt));
    static final Columns<StageTimeRow> TIMES = OwnedCustomer.<StageTimeRow>columns().then(
            Columns.text("stage", StageTimeRow::stage), Columns.time("entered_at", StageTimeRow::enteredAt),
            Columns.time("left_at", StageTimeRow::leftAt), Columns.count("days", StageTimeRow::days));

    private static final String FROM_STAGE = "The stage moved from: a stage code of the pipeline";
    private static final String TO_STAGE = "The stage moved to: a stage code of the pipeline";

    private final StageMoveQueries queries;
    private final Exports exports;
    private final Pipeline pipeline;

    StageMoveController(StageMoveQueries queries, Exports exports, ObjectProvider<Pipeline> pipeline) {
        this.queries = queries;
        this.exports = exports;
        this.pipeline = pipeline.getIfAvailable(Pipeline::defaults);
    }

    @Operation(summary = "The stage changes behind a stage-transition count (a Sankey link or a move back): one row per "
            + "change, a customer who made it twice twice: total = the count")
    @GetMapping("/api/v1/drill/stage-transitions")
    DrillPage<StageMoveRow> stageTransitions(
            @ParameterObject CohortQuery cohort,
            @Parameter(description = FROM_STAGE) @RequestParam(required = false) String fromStage,
            @Parameter(description = TO_STAGE) @RequestParam(required = false) String toStage,
            @ParameterObject Paging paging) {
        // the period first, as every dated list refuses a bad one before anything else
        FunnelFilter filter = cohort.filter();
        return queries.moves(filter, stage("fromStage", fromStage), stage("toStage", toStage),
                paging.checkedOffset(), paging.checkedLimit());
    }

    @Operation(summary = "The stage changes behind a stage-transition count as CSV or XLSX, audited")
    @GetMapping("/api/v1/exports/drill/stage-transitions")
    ResponseEntity<StreamingResponseBody> exportStageTransitions(
            @RequestParam(defaultValue = "csv") String format,
            @ParameterObject CohortQuery cohort,
            @RequestParam(required = false) String fromStage,
            @RequestParam(required = false) String toStage) {
        ExportFormat fileFormat = exports.format(format);
        FunnelFilter filter = cohort.filter();
        Stage movedFrom = stage("fromStage", fromStage);
        Stage movedTo = stage("toStage", toStage);
        var rows = queries.moves(filter, movedFrom, movedTo, 0, DrillController.EXPORT_MAX).rows();
        Map<String, Object> choices = new LinkedHashMap<>();
        choices.put("fromStage", movedFrom.code());
        choices.put("toStage", movedTo.code());
        return exports.send("drill-stage-transitions", fileFormat, cohort.period() + "_" + movedFrom.code() + "_"
                + movedTo.code(), filter.auditFilters(choices), MOVES, rows);
    }

    @Operation(summary = "The customers behind a stage's time in stage: those who entered it and later entered a "
            + "later stage, with their whole days, longest first: total = the figure's customers")
    @GetMapping("/api/v1/drill/time-in-stage")
    DrillPage<StageTimeRow> timeInStage(
            @ParameterObject CohortQuery cohort,
            @Parameter(description = "A stage code of the pipeline") @RequestParam(required = false) String stage,
            @ParameterObject Paging paging) {
        FunnelFilter filter = cohort.filter();
        return queries.timeIn(filter, stage("stage", stage), paging.checkedOffset(),
                paging.checkedLimit());
    }

    @Operation(summary = "The customers behind a stage's time in stage as CSV or XLSX, audited")
    @GetMapping("/api/v1/exports/drill/time-in-stage")
    ResponseEntity<StreamingResponseBody> exportTimeInStage(
            @RequestParam(defaultValue = "csv") String format,
            @ParameterObject CohortQuery cohort,
            @RequestParam(required = false) String stage) {
        ExportFormat fileFormat = exports.format(format);
        FunnelFilter filter = cohort.filter();
        Stage in = stage("stage", stage);
        var rows = queries.timeIn(filter, in, 0, DrillController.EXPORT_MAX).rows();
        Map<String, Object> choices = new LinkedHashMap<>();
        choices.put("stage", in.code());
        return exports.send("drill-time-in-stage", fileFormat, cohort.period() + "_" + in.code(),
                filter.auditFilters(choices), TIMES, rows);
    }

    private Stage stage(String parameter, String code) {
        return DrillController.pipelineStage(pipeline, parameter, code);
    }
}
