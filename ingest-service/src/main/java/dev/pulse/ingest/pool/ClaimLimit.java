package dev.pulse.ingest.pool;

import dev.pulse.events.FollowUp;
import dev.pulse.events.messages.MessageCode;
import dev.pulse.events.validation.FieldError;
import dev.pulse.ingest.config.IngestProperties;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The optional daily limit of 公海 pool customers one rep may claim (DESIGN.md definition 5,
 * {@code PULSE_POOL_CLAIMS_PER_DAY}; 0 is no limit). The stream processor decides claims; ingest
 * refuses beforehand a request whose follow-ups would take a rep past the limit, so nothing of it is
 * written. It reads what the report API projected (the open RELEASED alerts, and the claims of the
 * day in the reporting zone) from report-api's database, the one ingest already reads tokens from:
 * a claim made less than a projection ago may not be counted yet.
 */
@Component
public class ClaimLimit {

    private static final String IN_POOL = "select customer_id, last_follow_up_at from alert"
            + " where kind = 'RELEASED' and status = 'OPEN' and customer_id = any(?)";
    private static final String CLAIMS_SINCE = "select claimed_by, count(*) from alert"
            + " where claimed_by = any(?) and resolved_at >= ? group by claimed_by";

    private final int limit;
    private final IngestProperties properties;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    @Autowired
    ClaimLimit(IngestProperties properties, ObjectProvider<DataSource> database) {
        this(properties, database.getIfAvailable(), Clock.systemUTC());
    }

    ClaimLimit(IngestProperties properties, DataSource database, Clock clock) {
        this.limit = properties.poolClaimsPerDay();
        this.properties = properties;
        this.clock = clock;
        if (limit > 0 && database == null) {
            throw new IllegalStateException("PULSE_POOL_CLAIMS_PER_DAY needs PULSE_DB_URL: claims are counted in "
                    + "report-api's database");
        }
        this.jdbc = database == null ? null : new JdbcTemplate(database);
    }

    /**
     * @return one error per follow-up that would claim a pool customer beyond its rep's limit
     *         (field {@code repId}); empty without a limit
     * @throws PoolCheckUnavailableException when the database does not answer
     */
    public List<FieldError> refusals(List<FollowUp> followUps) {
        if (limit <= 0 || followUps.isEmpty()) {
            return List.of();
        }
        try {
            Map<String, Integer> claims = claims(followUps, inPool(followUps));
            if (claims.isEmpty()) {
                return List.of();
            }
            Map<String, Long> claimed = claimedToday(claims.values().stream().map(i -> followUps.get(i).repId()).toList());
            List<FieldError> refusals = new ArrayList<>();
            for (Map.Entry<String, Integer> claim : claims.entrySet()) {
                String repId = followUps.get(claim.getValue()).repId();
                long count = claimed.merge(repId, 1L, Long::sum);
                if (count > limit) {
                    refusals.add(new FieldError(claim.getValue(), "repId", MessageCode.POOL_CLAIM_LIMIT, repId, limit,
                            claim.getKey()));
                }
            }
            return refusals;
        } catch (DataAccessException e) {
            throw new PoolCheckUnavailableException(e);
        }
    }

    /**
     * customerId -> index of the follow-up that claims it: the first in the request not older than
     * the customer's last follow-up, as the processor, reading them in this order, will decide.
     */
    private static Map<String, Integer> claims(List<FollowUp> followUps, Map<String, Instant> pool) {
        Map<String, Integer> claims = new LinkedHashMap<>();
        for (int i = 0; i < followUps.size(); i++) {
            FollowUp f = followUps.get(i);
            Instant last = pool.get(f.customerId());
            if (last != null && !f.occurredAt().isBefore(last)) {
                claims.putIfAbsent(f.customerId(), i);
            }
        }
        return claims;
    }

    private Map<String, Instant> inPool(List<FollowUp> followUps) {
        Map<String, Instant> pool = new HashMap<>();
        jdbc.query(con -> {
            PreparedStatement statement = con.prepareStatement(IN_POOL);
            statement.setArray(1, array(con, followUps.stream().map(FollowUp::customerId).distinct().toList()));
            return statement;
        }, row -> {
            Timestamp last = row.getTimestamp(2);
            pool.put(row.getString(1), last == null ? Instant.MIN : last.toInstant());
        });
        return pool;
    }

    private Map<String, Long> claimedToday(List<String> repIds) {
        Instant dayStart = LocalDate.now(clock.withZone(properties.zone())).atStartOfDay(properties.zone()).toInstant();
        Map<String, Long> claimed = new HashMap<>();
        jdbc.query(con -> {
            PreparedStatement statement = con.prepareStatement(CLAIMS_SINCE);
            statement.setArray(1, array(con, repIds.stream().distinct().toList()));
            statement.setTimestamp(2, Timestamp.from(dayStart));
            return statement;
        }, row -> {
            claimed.put(row.getString(1), row.getLong(2));
        });
        return claimed;
    }

    private static Array array(java.sql.Connection con, List<String> values) throws java.sql.SQLException {
        return con.createArrayOf("varchar", values.toArray());
    }
}
