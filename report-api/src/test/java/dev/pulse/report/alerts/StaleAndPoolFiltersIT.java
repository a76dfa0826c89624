package dev.pulse.report.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.report.ReadModelSlice;
import dev.pulse.report.pool.PoolCustomerView;
import dev.pulse.report.pool.PoolRepository;
import dev.pulse.security.AccessScope;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The filter bar's team, rep and source on the stale list and the 公海 pool, in a jOOQ slice on a
 * real PostgreSQL. A customer's source is the first its history names (definition 2), so the
 * follow-ups below give C1 and C3 "expo" (C1 names "web" only later), C2 "web", C4 none.
 * <pre>
 * open STALE     C1 rep-a team-a   C2 rep-b team-a   C3 rep-c team-b
 * open RELEASED  C4 rep-a team-a   C1 rep-c team-b (released by rep-c's team after C1 moved)
 * </pre>
 */
@ReadModelSlice
@Import({AlertRepository.class, PoolRepository.class})
class StaleAndPoolFiltersIT {

    private static final Instant NOW = Instant.parse("2026-03-20T00:00:00Z");
    private static final AccessScope ALL = AccessScope.everything();

    @Autowired
    DSLContext db;

    @Autowired
    AlertRepository alerts;

    @Autowired
    PoolRepository pool;

    @BeforeEach
    void rows() {
        followUp("C1", null, "2026-02-27T01:00:00Z");
        followUp("C1", "expo", "2026-02-28T01:00:00Z");
        followUp("C1", "web", "2026-03-01T01:00:00Z");
        followUp("C2", "web", "2026-03-01T01:00:00Z");
        followUp("C3", "expo", "2026-03-01T01:00:00Z");
        followUp("C4", null, "2026-03-01T01:00:00Z");
        alert("C1", "rep-a", "team-a", "STALE", "2026-03-01T01:00:00Z");
        alert("C2", "rep-b", "team-a", "STALE", "2026-03-02T01:00:00Z");
        alert("C3", "rep-c", "team-b", "STALE", "2026-03-03T01:00:00Z");
        alert("C4", "rep-a", "team-a", "RELEASED", "2026-03-04T01:00:00Z");
        alert("C1", "rep-c", "team-b", "RELEASED", "2026-03-05T01:00:00Z");
    }

    @Test
    void shouldNarrowTheStaleListByTeamRepAndTheCustomersFirstSource() {
        assertThat(stale(ALL, null, null, null)).containsExactly("C1", "C2", "C3");
        assertThat(stale(ALL, null, "team-a", null)).containsExactly("C1", "C2");
        assertThat(stale(ALL, "rep-b", null, null)).containsExactly("C2");
        assertThat(stale(ALL, null, null, "expo")).containsExactly("C1", "C3");
        assertThat(stale(ALL, null, null, "web")).containsExactly("C2");
        assertThat(stale(ALL, null, "team-a", "expo")).containsExactly("C1");
        assertThat(stale(ALL, null, null, "fair")).isEmpty();
        // within the caller's scope: team-b's manager filtering by expo sees C3 only
        assertThat(stale(AccessScope.teams(Set.of("team-b")), null, null, "expo")).containsExactly("C3");
    }

    @Test
    void shouldNarrowThePoolByTheReleasingTeamOrRepAndTheCustomersFirstSource() {
        assertThat(pool(null, null, null)).containsExactly("C4", "C1");
        assertThat(pool("team-b", null, null)).containsExactly("C1");
        assertThat(pool(null, "rep-a", null)).containsExactly("C4");
        assertThat(pool(null, null, "expo")).containsExactly("C1");
        assertThat(pool("team-a", null, "expo")).isEmpty();
        assertThat(pool(null, null, "web")).isEmpty();
    }

    @Test
    void shouldListThePoolCustomersReleasedFromNoTeamAsTheChartsNoTeamBarCountsThem() {
        // C2 ("web") let go by a rep of no team
        alert("C2", "rep-d", null, "RELEASED", "2026-03-06T01:00:00Z");
        assertThat(noTeam(null, null)).containsExactly("C2");
        assertThat(noTeam("rep-d", "web")).containsExactly("C2");
        assertThat(noTeam("rep-a", null)).isEmpty();
        assertThat(noTeam(null, "expo")).isEmpty();
        // the bars add up to the pool: team-a's C4, team-b's C1 and no team's C2
        assertThat(pool(null, null, null)).containsExactly("C4", "C1", "C2");
    }

    private List<String> stale(AccessScope scope, String repId, String teamId, String source) {
        return alerts.staleCustomers(scope, repId, teamId, source, null, NOW).stream()
                .map(StaleCustomerView::customerId).toList();
    }

    private List<String> pool(String teamId, String repId, String source) {
        return pool.customers(teamId, repId, source, NOW).stream().map(PoolCustomerView::customerId).toList();
    }

    private List<String> noTeam(String repId, String source) {
        return pool.customersOfNoTeam(repId, source, NOW).stream().map(PoolCustomerView::customerId).toList();
    }

    private void followUp(String customer, String source, String at) {
        db.execute("insert into followup (event_id, customer_id, customer_name, rep_id, occurred_at, channel, content, stage,"
                + " source) values (?, ?, ?, 'rep-a', ?::timestamptz, 'PHONE', 'x', 'LEAD', ?)", UUID.randomUUID(), customer,
                customer, at, source);
    }

    private void alert(String customer, String rep, String team, String kind, String lastAt) {
        db.execute("insert into alert (alert_id, kind, status, customer_id, customer_name, rep_id, team_id, stage,"
                + " last_follow_up_at, threshold_days, due_at, opened_at) values (?, ?, 'OPEN', ?, ?, ?, ?, 'LEAD',"
                + " ?::timestamptz, 14, ?::timestamptz, ?::timestamptz)", UUID.randomUUID(), kind, customer, customer, rep, team,
                lastAt, lastAt, lastAt);
    }
}
