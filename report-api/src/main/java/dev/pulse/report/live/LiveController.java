package dev.pulse.report.live;

import dev.pulse.report.security.Scopes;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
class LiveController {

    private final LiveUpdates updates;

    LiveController(LiveUpdates updates) {
        this.updates = updates;
    }

    @Operation(summary = "Server-sent events: 'activity' when activity or sales figures change, 'duplicates', 'alerts' and 'funnel' when those do; only for changes that may concern the caller's scope. Data: {\"at\": time sent, \"repIds\": the reps whose rows changed and whom the caller may read}; repIds is left out when unknown")
    @GetMapping(path = "/api/v1/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter live() {
        return updates.open(Scopes.checked(null, null));
    }
}
