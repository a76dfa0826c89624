package dev.pulse.report.forecast;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** ADMIN: takes a day's forecast snapshot now (the schedule takes today's after midnight), e.g. after a restore. */
@RestController
class ForecastSnapshotController {

    private final ForecastSnapshots snapshots;

    ForecastSnapshotController(ForecastSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @Operation(summary = "Take the forecast snapshot of a day (default today) unless it was taken: {\"rows\": written}")
    @PostMapping("/api/v1/admin/forecast-snapshots")
    Map<String, Integer> take(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return Map.of("rows", snapshots.take(day != null ? day : LocalDate.now(snapshots.zone())));
    }
}
