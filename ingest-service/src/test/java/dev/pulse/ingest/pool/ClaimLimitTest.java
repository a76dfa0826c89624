package dev.pulse.ingest.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.events.Channel;
import dev.pulse.events.FollowUp;
import dev.pulse.ingest.config.IngestProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What needs no database; the limit itself is counted against report-api's tables in PoolEndToEndIT. */
class ClaimLimitTest {

    private static IngestProperties limit(int perDay) {
        return new IngestProperties(null, null, null, null, null, perDay, null);
    }

    @Test
    void shouldRefuseToStartWithALimitButNoDatabaseToCountClaimsIn() {
        assertThatThrownBy(() -> new ClaimLimit(limit(3), null, Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("PULSE_POOL_CLAIMS_PER_DAY needs PULSE_DB_URL: claims are counted in report-api's database");
    }

    @Test
    void shouldRefuseNothingWithoutALimit() {
        FollowUp followUp = new FollowUp(UUID.randomUUID(), "C-1", "王芳", "13800000000", null, null, null, null, "R-1",
                null, "T-1", Instant.parse("2026-11-03T02:00:00Z"), Channel.PHONE, "电话", "LEAD", null, null, null, null,
                null, null);
        assertThat(new ClaimLimit(limit(0), null, Clock.systemUTC()).refusals(List.of(followUp))).isEmpty();
    }
}
