package dev.pulse.report.drill;

import static dev.pulse.report.db.Tables.FOLLOWUP;
import static org.jooq.impl.DSL.noCondition;

import dev.pulse.events.Channel;
import dev.pulse.events.Pipeline;
import dev.pulse.events.Stage;
import dev.pulse.events.messages.MessageCode;
import dev.pulse.report.config.ReportProperties;
import dev.pulse.report.exports.Columns;
import dev.pulse.report.exports.ExportFormat;
import dev.pulse.report.exports.Exports;
import dev.pulse.report.funnel.CohortQuery;
import dev.pulse.report.funnel.FunnelFilter;
import dev.pulse.report.journey.OwnedCustomer;
import dev.pulse.report.security.Scopes;
import dev.pulse.report.web.BadRequestException;
import dev.pulse.report.web.Parameters;
import dev.pulse.report.web.PeriodQuery;
import dev.pulse.security.AccessScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.Condition;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Every number traceable: the follow-ups, sales or customers behind a figure of the overview or
 * the funnel (and the reps, teams and customer touches behind the overview's other cards, the new
 * customers behind a goal), a page at a time, with {@code total} equal to the figure, and the same list as CSV or
 * XLSX. Each list takes the parameters of the report it traces plus the figure's coordinates (a
 * rep, a team, a bucket's days, a stage), and applies the caller's scope as the report does. The
 * lost-reasons, cycle-length and forecast figures have their lists and exports beside their
 * reports ({@code /api/v1/reports/.../customers}, {@code /api/v1/exports/.../customers}), and the
 * stale card's list is the stale list itself.
 */
@RestController
class DrillController {

    /** An export holds the whole list up to this many rows. */
    static final int EXPORT_MAX = 100_000;

    static final Columns<FollowUpRow> FOLLOW_UPS = Columns.of(
            Columns.text("event_id", r -> r.eventId().toString()), Columns.text("customer_id", FollowUpRow::customerId),
            Columns.text("customer_name", FollowUpRow::customerName), Columns.text("rep_id", FollowUpRow::repId),
            Columns.text("team_id", FollowUpRow::teamId), Columns.time("occurred_at", FollowUpRow::occurredAt),
            Columns.text("channel", FollowUpRow::channel), Columns.text("stage", FollowUpRow::stage));
    static final Columns<SaleRow> SALES = Columns.of(
            Columns.text("order_id", SaleRow::orderId), Columns.text("customer_id", SaleRow::customerId),
            Columns.text("rep_id", SaleRow::repId), Columns.text("team_id", SaleRow::teamId),
            Columns.text("product", SaleRow::product), Columns.decimal("amount", SaleRow::amount),
            Columns.text("currency", SaleRow::currency), Columns.time("occurred_at", SaleRow::occurredAt));
    static final Columns<FunnelCustomerRow> CUSTOMERS = OwnedCustomer.<FunnelCustomerRow>columns().then(
            Columns.text("source", FunnelCustomerRow::source), Columns.text("stage", FunnelCustomerRow::stage),
            Columns.time("first_follow_up_at", FunnelCustomerRow::firstFollowUpAt),
            Columns.time("last_follow_up_at", FunnelCustomerRow::lastFollowUpAt));

    static final Columns<GroupRow> REPS = groups("rep_id");
    static final Columns<GroupRow> TEAMS = groups("team_id");
    static final Columns<TouchRow> TOUCHES = Columns.of(
            Columns.date("day", TouchRow::day), Columns.text("rep_id", TouchRow::repId),
            Columns.text("team_id", TouchRow::teamId), Columns.text("customer_id", TouchRow::customerId),
            Columns.text("customer_name", TouchRow::customerName), Columns.count("follow_ups", TouchRow::followUps));

    private static final String CHANNEL = "Only follow-ups on this channel (phone, wechat, email, meeting, visit, other)";

    private final DrillQueries queries;
    private final Exports exports;
    private final Pipeline pipeline;
    private final ZoneId zone;

    DrillController(DrillQueries queries, Exports exports, ObjectProvider<Pipeline> pipeline, ReportProperties properties) {
        this.queries = queries;
        this.exports = exports;
        this.pipeline = pipeline.getIfAvailable(Pipeline::defaults);
        this.zone = properties.zone();
    }

    @Operation(summary = "The follow-ups behind an activity figure (overview card, bar or table cell): total = the figure")
    @GetMapping("/api/v1/drill/follow-ups")
    DrillPage<FollowUpRow> followUps(
            @ParameterObject PeriodQuery period,
            @Parameter(description = CHANNEL) @RequestParam(required = false) String channel,
            @ParameterObject Paging paging) {
        return queries.followUps(followUpsOf(period, channel), paging.checkedOffset(), paging.checkedLimit());
    }

    @Operation(summary = "The follow-ups behind an activity figure as CSV or XLSX, audited")
    @GetMapping("/api/v1/exports/drill/follow-ups")
    ResponseEntity<StreamingResponseBody> exportFollowUps(
            @RequestParam(defaultValue = "csv") String format,
            @ParameterObject PeriodQuery period,
            @RequestParam(required = false) String channel) {
        ExportFormat fileFormat = exports.format(format);
        Channel only = channel(channel);
        var rows = queries.followUps(followUpsOf(period, channel), 0, EXPORT_MAX).rows();
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("channel", only == null ? null : only.name());
        return exports.send("drill-follow-ups", fileFormat, period.period(), audited(period, extra),
                FOLLOW_UPS, rows);
    }

    @Operation(summary = "The reps, teams or customer touches behind the overview's active-reps, teams or touches card "
            + "(reps and teams: one row each with its follow-ups; touches: one per rep, team, day and customer), or the "
            + "new customers behind a goal's attainment (each one's first follow-up ever, in the range and the rep's or "
            + "team's): total = the figure")
    @GetMapping("/api/v1/drill/{list:reps|teams|touches|new-customers}")
    DrillPage<?> activity(
            @PathVariable String list,
            @ParameterObject PeriodQuery period,
            @ParameterObject Paging paging) {
        return activityList(list, followUpsOf(period, null), paging.checkedOffset(), paging.checkedLimit());
    }

    @Operation(summary = "The reps, teams or customer touches behind an overview card as CSV or XLSX, audited")
    @GetMapping("/api/v1/exports/drill/{list:reps|teams|touches|new-customers}")
    ResponseEntity<StreamingResponseBody> exportActivity(
            @PathVariable String list,
            @RequestParam(defaultValue = "csv") String format,
            @ParameterObject PeriodQuery period) {
        ExportFormat fileFormat = exports.format(format);
        Condition which = followUpsOf(period, null);
        String report = "drill-" + list;
        String tail = period.period();
        Map<String, Object> filters = audited(period, Map.of());
        return switch (list) {
            case "touches" -> exports.send(report, fileFormat, tail, filters, TOUCHES,
                    queries.touches(which, zone, 0, EXPORT_MAX).rows());
            case "new-customers" -> exports.send(report, fileFormat, tail, filters, FOLLOW_UPS,
                    queries.newCustomers(which, 0, EXPORT_MAX).rows());
            default -> exports.send(report, fileFormat, tail, filters, list.equals("reps") ? REPS : TEAMS,
                    activityGroups(list, which, 0, EXPORT_MAX).rows());
        };
    }

    private DrillPage<?> activityList(String list, Condition which, int offset, int limit) {
        return switch (list) {
            case "touches" -> queries.touches(which, zone, offset, limit);
            case "new-customers" -> queries.newCustomers(which, offset, limit);
            default -> activityGroups(list, which, offset, limit);
        };
    }

    private DrillPage<GroupRow> activityGroups(String list, Condition which, int offset, int limit) {
        return queries.groups(which, list.equals("reps") ? FOLLOWUP.REP_ID : FOLLOWUP.TEAM_ID, offset, limit);
    }

    private static Columns<GroupRow> groups(String id) {
        return Columns.of(Columns.text(id, GroupRow::id), Columns.count("follow_ups", GroupRow::followUps),
                Columns.count("customers", GroupRow::customers));
    }

    @Operation(summary = "The sales behind the overview's sales or revenue figure (one currency or all): total = the figure")
    @GetMapping("/api/v1/drill/sales")
    DrillPage<SaleRow> sales(
            @ParameterObject PeriodQuery period,
            @Parameter(description = "Only sales in this ISO 4217 currency") @RequestParam(required = false) String currency,
            @ParameterObject Paging paging) {
        return queries.sales(salesOf(period), Parameters.text(currency), paging.checkedOffset(), paging.checkedLimit());
    }

    @Operation(summary = "The sales behind the overview's sales or revenue figure as CSV or XLSX, audited")
    @GetMapping("/api/v1/exports/drill/sales")
    ResponseEntity<StreamingResponseBody> exportSales(
            @RequestParam(defaultValue = "csv") String format,
            @ParameterObject PeriodQuery period,
            @RequestParam(required = false) String currency) {
        ExportFormat fileFormat = exports.format(format);
        String code = Parameters.text(currency);
        var rows = queries.sales(salesOf(period), code, 0, EXPORT_MAX).rows();
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("currency", code);
        return exports.send("drill-sales", fileFormat, period.period(), audited(period, extra), SALES, rows);
    }

    @Operation(summary = "The cohort's customers behind a funnel figure: a stage's reached or current, won (current at "
            + "the won stage), lost (current LOST), open (the velocity's: neither won nor lost now), decided (won or lost "
            + "now, the win rate's denominator), with a sale (rep conversion), or all the cohort's customers: total = the figure")
    @GetMapping("/api/v1/drill/funnel")
    DrillPage<FunnelCustomerRow> funnel(
            @ParameterObject CohortQuery cohort,
            @Parameter(description = "A stage code of the pipeline; not needed for measure=all or open") @RequestParam(required = false)
            String stage,
            @Parameter(description = "reached, current, all, open, decided (won or lost now: the win rate's denominator) "
                    + "or with_sale (a rep-conversion row's with-sale cell, with repId)") @RequestParam(defaultValue = "reached") String measure,
            @ParameterObject Paging paging) {
        FunnelMeasure which = Parameters.oneOf(FunnelMeasure.class, "measure", measure);
        return queries.funnel(cohort.filter(), stage(which, stage),
                which, paging.checkedOffset(), paging.checkedLimit());
    }

    @Operation(summary = "The cohort's customers behind a funnel figure as CSV or XLSX, audited")
    @GetMapping("/api/v1/exports/drill/funnel")
    ResponseEntity<StreamingResponseBody> exportFunnel(
            @RequestParam(defaultValue = "csv") String format,
            @ParameterObject CohortQuery cohort,
            @RequestParam(required = false) String stage,
            @RequestParam(defaultValue = "reached") String measure) {
        ExportFormat fileFormat = exports.format(format);
        FunnelMeasure which = Parameters.oneOf(FunnelMeasure.class, "measure", measure);
        Stage at = stage(which, stage);
        FunnelFilter filter = cohort.filter();
        var rows = queries.funnel(filter, at, which, 0, EXPORT_MAX).rows();
        Map<String, Object> choices = new LinkedHashMap<>();
        choices.put("measure", Parameters.lower(which));
        choices.put("stage", at == null ? null : at.code());
        return exports.send("drill-funnel", fileFormat, cohort.period() + "_" + Parameters.lower(which)
                        + (at == null ? "" : "_" + at.code()), filter.auditFilters(choices), CUSTOMERS, rows);
    }

    private Condition followUpsOf(PeriodQuery period, String channel) {
        String rep = period.rep();
        String team = period.team();
        Channel only = channel(channel);
        return FactConditions.followUps(Scopes.checked(rep, team), period.range(), zone, rep, team, period.customerSource())
                .and(only == null ? noCondition() : FOLLOWUP.CHANNEL.eq(only.name()));
    }

    /** A bar of the by-rep chart is one rep's follow-ups on one channel. */
    private static Channel channel(String channel) {
        return Parameters.text(channel) == null ? null : Parameters.oneOf(Channel.class, "channel", channel);
    }

    private Condition salesOf(PeriodQuery period) {
        String rep = period.rep();
        String team = period.team();
        return FactConditions.sales(Scopes.checked(rep, team), period.range(), zone, rep, team, period.customerSource());
    }

    private static Map<String, Object> audited(PeriodQuery period, Map<String, Object> extra) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("from", period.from().toString());
        filters.put("to", period.to().toString());
        filters.putAll(extra);
        filters.put("repId", period.rep());
        filters.put("teamId", period.team());
        filters.put("source", period.customerSource());
        AccessScope scope = Scopes.checked(null, null);
        filters.put("scope", scope.kind().name());
        return filters;
    }

    /** The stage asked for, one of the pipeline's; none for a measure of the whole cohort. */
    private Stage stage(FunnelMeasure measure, String stage) {
        return measure.ofAStage() ? pipelineStage(pipeline, "stage", stage) : null;
    }

    /** A stage code of the pipeline, required: 400 naming the parameter otherwise. */
    static Stage pipelineStage(Pipeline pipeline, String parameter, String stage) {
        String code = Parameters.text(stage);
        if (code == null) {
            throw new BadRequestException(MessageCode.PARAMETER_REQUIRED, parameter);
        }
        return pipeline.find(code.toUpperCase(java.util.Locale.ROOT)).orElseThrow(() -> new BadRequestException(
                MessageCode.PARAMETER_ONE_OF, parameter, pipeline.stages().stream().map(Stage::code).toList()));
    }
}
