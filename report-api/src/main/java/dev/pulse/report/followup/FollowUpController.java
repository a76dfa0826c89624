package dev.pulse.report.followup;

import dev.pulse.events.messages.MessageCode;
import dev.pulse.report.config.ReportProperties;
import dev.pulse.report.security.Scopes;
import dev.pulse.report.web.BadRequestException;
import dev.pulse.report.web.DateRange;
import dev.pulse.report.web.Parameters;
import dev.pulse.report.web.Rows;
import dev.pulse.security.AccessScope;
import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Drill-down into the follow-up records behind the figures. */
@RestController
class FollowUpController {

    static final int MAX_LIMIT = 1_000;

    private final FollowUpRepository repository;
    private final ReportProperties properties;

    FollowUpController(FollowUpRepository repository, ReportProperties properties) {
        this.repository = repository;
        this.properties = properties;
    }

    @Operation(summary = "Follow-up records of one customer or one rep, newest first")
    @GetMapping("/api/v1/followups")
    Rows<FollowUpView> followUps(
            @RequestParam(required = false) String customerId,
            @RequestParam(required = false) String repId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "200") int limit) {
        if (isBlank(customerId) && isBlank(repId)) {
            throw new BadRequestException(MessageCode.CUSTOMER_OR_REP);
        }
        if ((from == null) != (to == null)) {
            throw new BadRequestException(MessageCode.BOTH_DATES_OR_NEITHER);
        }
        Parameters.limit(limit, MAX_LIMIT);
        DateRange range = from == null ? null : new DateRange(from, to);
        AccessScope scope = Scopes.checked(isBlank(repId) ? null : repId.strip(), null);
        return new Rows<>(repository.find(scope, isBlank(customerId) ? null : customerId.strip(),
                isBlank(repId) ? null : repId.strip(), range, properties.zone(), limit));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
