package dev.pulse.report.pool;

import dev.pulse.report.web.Parameters;
import dev.pulse.report.web.Rows;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
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
                                @RequestParam(required = false) String repId,
                                @RequestParam(required = false) String source) {
        return new Rows<>(pool.customers(Parameters.text(teamId), Parameters.text(repId), Parameters.text(source),
                clock.instant()));
    }
}
