package dev.pulse.report.projector;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The "as of" of every dashboard chart, from this instance's projector. With several instances each
 * projects its own partitions into the shared read model, so the answer speaks for this instance's
 * share; one instance (the usual set-up) projects them all.
 */
@RestController
@RequestMapping("/api/v1")
class FreshnessController {

    private final Freshness freshness;

    FreshnessController(Freshness freshness) {
        this.freshness = freshness;
    }

    @Operation(summary = "The acceptance time of the newest change in the reports, its lag and the records still waiting")
    @GetMapping("/freshness")
    FreshnessView freshness() {
        return freshness.view();
    }
}
