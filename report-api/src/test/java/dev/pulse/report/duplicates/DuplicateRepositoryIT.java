package dev.pulse.report.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.report.ReadModelSlice;
import dev.pulse.security.AccessScope;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The duplicate-flag queries in a jOOQ slice against a real, migrated PostgreSQL, rows written in
 * plain SQL and rolled back after each test. Team membership comes from the rep activity rows:
 * rep-a and rep-b in team-a, rep-c in team-b.
 * <pre>
 * F1 MULTI_REP          reps a, b  OPEN       updated 03-02
 * F2 DUPLICATE_CUSTOMER rep c      OPEN       updated 03-03
 * F3 DUPLICATE_ENTRY    rep b      DISMISSED  updated 03-04
 * </pre>
 */
@ReadModelSlice
@Import(DuplicateRepository.class)
class DuplicateRepositoryIT {

    private static final UUID F1 = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID F2 = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final UUID F3 = UUID.fromString("00000000-0000-0000-0000-000000000003");

    @Autowired
    DSLContext db;

    @Autowired
    DuplicateRepository repository;

    @BeforeEach
    void rows() {
        member("rep-a", "team-a");
        member("rep-b", "team-a");
        member("rep-c", "team-b");
        flag(F1, "MULTI_REP", "{rep-a,rep-b}", "OPEN", "2026-03-02T10:00:00Z");
        flag(F2, "DUPLICATE_CUSTOMER", "{rep-c}", "OPEN", "2026-03-03T10:00:00Z");
        flag(F3, "DUPLICATE_ENTRY", "{rep-b}", "DISMISSED", "2026-03-04T10:00:00Z");
    }

    @Test
    void shouldListFlagsNewestFirstByStatusAndType() {
        assertThat(ids(repository.find(AccessScope.everything(), FlagFilter.NONE, null, DuplicateRepository.OPEN)))
                .containsExactly(F2, F1);
        assertThat(ids(repository.find(AccessScope.everything(), FlagFilter.NONE, null, null))).containsExactly(F3, F2, F1);
        assertThat(ids(repository.find(AccessScope.everything(), FlagFilter.NONE, "MULTI_REP", null))).containsExactly(F1);
        assertThat(repository.openCountsByType(AccessScope.everything(), FlagFilter.NONE))
                .isEqualTo(Map.of("MULTI_REP", 1, "DUPLICATE_CUSTOMER", 1));
    }

    @Test
    void shouldShowARepTheFlagsNamingThemAndAManagerThoseOfTheirTeamsReps() {
        assertThat(ids(repository.find(AccessScope.rep("rep-b"), FlagFilter.NONE, null, null))).containsExactly(F3, F1);
        assertThat(ids(repository.find(AccessScope.teams(Set.of("team-b")), FlagFilter.NONE, null, null))).containsExactly(F2);
        assertThat(repository.openCountsByType(AccessScope.teams(Set.of("team-a")), FlagFilter.NONE))
                .isEqualTo(Map.of("MULTI_REP", 1));
        assertThat(repository.findById(AccessScope.rep("rep-c"), F1)).isEmpty();
        assertThat(repository.find(AccessScope.nothing(), FlagFilter.NONE, null, null)).isEmpty();
    }

    @Test
    void shouldNarrowToTheFlagsNamingTheFilteredRepTeamOrSourceWithinTheScope() {
        // given F2 about customer C3 (first source web); F1 and F3 about C1 (first source expo, later web) and C2 (none)
        db.execute("update duplicate_flag set customer_ids = '{C3}' where flag_id = ?", F2);
        followUp("C1", "rep-a", "expo", "2026-03-01T01:00:00Z");
        followUp("C1", "rep-a", "web", "2026-03-02T01:00:00Z");
        followUp("C1", "rep-a", null, "2026-02-28T01:00:00Z");
        followUp("C3", "rep-c", "web", "2026-03-01T01:00:00Z");

        // then each filter keeps the flags one of whose reps or customers it names
        AccessScope all = AccessScope.everything();
        assertThat(ids(repository.find(all, new FlagFilter("rep-b", null, null), null, null))).containsExactly(F3, F1);
        assertThat(ids(repository.find(all, new FlagFilter(null, "team-b", null), null, null))).containsExactly(F2);
        assertThat(ids(repository.find(all, new FlagFilter(null, "team-a", null), null, null))).containsExactly(F3, F1);
        assertThat(ids(repository.find(all, new FlagFilter(null, null, "expo"), null, null))).containsExactly(F3, F1);
        assertThat(ids(repository.find(all, new FlagFilter(null, null, "web"), null, null))).containsExactly(F2);
        assertThat(repository.find(all, new FlagFilter("rep-b", null, "web"), null, null)).isEmpty();
        assertThat(repository.openCountsByType(all, new FlagFilter(null, "team-a", null))).isEqualTo(Map.of("MULTI_REP", 1));
        assertThat(repository.openCountsByType(all, new FlagFilter(null, null, "web")))
                .isEqualTo(Map.of("DUPLICATE_CUSTOMER", 1));
        // and a filter never widens the caller's scope: rep-c asking for team-a's flags sees none of them
        assertThat(repository.find(AccessScope.rep("rep-c"), new FlagFilter(null, "team-a", null), null, null)).isEmpty();
    }

    @Test
    void shouldDismissAnOpenFlagInScopeOnceKeepingWhoAndWhy() {
        assertThat(repository.dismiss(AccessScope.teams(Set.of("team-b")), F1, "zhao", "不是同一人")).isFalse();
        assertThat(status(F1)).isEqualTo("OPEN");

        assertThat(repository.dismiss(AccessScope.teams(Set.of("team-a")), F1, "wang", "同一客户，已合并")).isTrue();
        DuplicateFlagView dismissed = repository.findById(AccessScope.everything(), F1).orElseThrow();
        assertThat(List.of(dismissed.status(), dismissed.dismissedBy(), dismissed.dismissedReason()))
                .containsExactly("DISMISSED", "wang", "同一客户，已合并");
        assertThat(dismissed.dismissedAt()).isNotNull();
        assertThat(repository.dismiss(AccessScope.everything(), F1, "wang", "again")).isFalse();
        assertThat(repository.dismiss(AccessScope.everything(), F3, "wang", "already")).isFalse();
    }

    private String status(UUID flag) {
        return db.fetchValue("select status from duplicate_flag where flag_id = ?", flag).toString();
    }

    private static List<UUID> ids(List<DuplicateFlagView> flags) {
        return flags.stream().map(DuplicateFlagView::flagId).toList();
    }

    private void member(String rep, String team) {
        db.execute("insert into rep_activity (row_key, scope, rep_id, team_id, granularity, bucket, period_start, period_end,"
                + " follow_ups, customers, ch_phone, ch_wechat, ch_email, ch_meeting, ch_visit, ch_other)"
                + " values (?, 'REP', ?, ?, 'DAY', '2026-03-01', date '2026-03-01', date '2026-03-01', 1, 1, 1, 0, 0, 0, 0, 0)",
                "REP|" + rep + "|DAY|2026-03-01", rep, team);
    }

    private void followUp(String customer, String rep, String source, String at) {
        db.execute("insert into followup (event_id, customer_id, customer_name, rep_id, occurred_at, channel, content, stage,"
                + " source) values (?, ?, ?, ?, ?::timestamptz, 'PHONE', 'x', 'LEAD', ?)", UUID.randomUUID(), customer, customer,
                rep, at, source);
    }

    private void flag(UUID id, String type, String reps, String status, String updatedAt) {
        db.execute("insert into duplicate_flag (flag_id, type, flag_key, customer_ids, rep_ids, event_ids, first_seen_at,"
                        + " updated_at, status) values (?, ?, ?, '{C1,C2}', ?::text[], '{e1,e2}', ?::timestamptz,"
                        + " ?::timestamptz, ?)",
                id, type, "key-" + id, reps, updatedAt, updatedAt, status);
    }
}
