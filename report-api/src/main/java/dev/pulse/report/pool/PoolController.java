package dev.pulse.report.pool;

import dev.pulse.events.messages.MessageCode;
import dev.pulse.report.web.BadRequestException;
import dev.pulse.report.web.Parameters;
import dev.pulse.report.web.Rows;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The 公海 pool list. Unlike the other reports it is not cut to the caller's scope: the pool is
 * where any rep finds a customer to claim, so every rep sees all of it (names, stage and silence
 * only: no contact details are kept in it).
 */
@RestController
class PoolController {

    private final PoolRepository pool;
    private final Clock clock;

    PoolController(PoolRepository pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    @Operation(summary = "Customers released to the 公海 pool, longest there first; the next rep to follow one up claims it")
    @GetMapping("/api/v1/reports/pool")
    Rows<PoolCustomerView> pool(@RequestParam(required = false) String teamId,
                                @Parameter(description = WITHOUT_TEAM) @RequestParam(defaultValue = "false") boolean withoutTeam,
                                @RequestParam(required = false) String repId,
                                @RequestParam(required = false) String source) {
        return new Rows<>(customers(pool, teamId, withoutTeam, repId, source, clock.instant()));
    }

    static final String WITHOUT_TEAM = "Only customers released from no team (the chart's \"no team\" bar); not with teamId";

    /** The pool as the page's filters and bars cut it: a team, or no team; a rep; a source. */
    static List<PoolCustomerView> customers(PoolRepository pool, String teamId, boolean withoutTeam, String repId,
                                            String source, Instant now) {
        String team = Parameters.text(teamId);
        if (withoutTeam && team != null) {
            throw new BadRequestException(MessageCode.PARAMETERS_EXCLUSIVE, "teamId", "withoutTeam");
        }
        return withoutTeam ? pool.customersOfNoTeam(Parameters.text(repId), Parameters.text(source), now)
                : pool.customers(team, Parameters.text(repId), Parameters.text(source), now);
    }
}
