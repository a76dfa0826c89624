package dev.pulse.report.duplicates;

import static dev.pulse.report.db.Tables.DUPLICATE_FLAG;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.noCondition;

import dev.pulse.report.security.Scopes;
import dev.pulse.security.AccessScope;

import dev.pulse.report.db.tables.records.DuplicateFlagRecord;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class DuplicateRepository {

    static final String OPEN = "OPEN";
    static final String DISMISSED = "DISMISSED";

    private final DSLContext db;

    DuplicateRepository(DSLContext db) {
        this.db = db;
    }

    /** @param status OPEN, DISMISSED, or null for all; newest first */
    List<DuplicateFlagView> find(AccessScope scope, FlagFilter filter, String type, String status) {
        return db.selectFrom(DUPLICATE_FLAG)
                .where(type == null ? noCondition() : DUPLICATE_FLAG.TYPE.eq(type))
                .and(Scopes.anyRep(scope, DUPLICATE_FLAG.REP_IDS))
                .and(filter.condition(DUPLICATE_FLAG.REP_IDS, DUPLICATE_FLAG.CUSTOMER_IDS))
                .and(status == null ? noCondition() : DUPLICATE_FLAG.STATUS.eq(status))
                .orderBy(DUPLICATE_FLAG.UPDATED_AT.desc(), DUPLICATE_FLAG.FLAG_ID)
                .fetch(DuplicateRepository::toView);
    }

    Map<String, Integer> openCountsByType(AccessScope scope, FlagFilter filter) {
        return db.select(DUPLICATE_FLAG.TYPE, count())
                .from(DUPLICATE_FLAG)
                .where(DUPLICATE_FLAG.STATUS.eq(OPEN))
                .and(Scopes.anyRep(scope, DUPLICATE_FLAG.REP_IDS))
                .and(filter.condition(DUPLICATE_FLAG.REP_IDS, DUPLICATE_FLAG.CUSTOMER_IDS))
                .groupBy(DUPLICATE_FLAG.TYPE)
                .fetchMap(DUPLICATE_FLAG.TYPE, count());
    }

    Optional<DuplicateFlagView> findById(AccessScope scope, UUID flagId) {
        return db.selectFrom(DUPLICATE_FLAG)
                .where(DUPLICATE_FLAG.FLAG_ID.eq(flagId))
                .and(Scopes.anyRep(scope, DUPLICATE_FLAG.REP_IDS))
                .fetchOptional(DuplicateRepository::toView);
    }

    /** @return true when an open flag was dismissed; false when there is no open flag of that id */
    boolean dismiss(AccessScope scope, UUID flagId, String by, String reason) {
        return db.update(DUPLICATE_FLAG)
                .set(DUPLICATE_FLAG.STATUS, DISMISSED)
                .set(DUPLICATE_FLAG.DISMISSED_BY, by)
                .set(DUPLICATE_FLAG.DISMISSED_REASON, reason)
                .set(DUPLICATE_FLAG.DISMISSED_AT, OffsetDateTime.now())
                .where(DUPLICATE_FLAG.FLAG_ID.eq(flagId).and(DUPLICATE_FLAG.STATUS.eq(OPEN)))
                .and(Scopes.anyRep(scope, DUPLICATE_FLAG.REP_IDS))
                .execute() == 1;
    }

    private static DuplicateFlagView toView(DuplicateFlagRecord r) {
        return new DuplicateFlagView(r.getFlagId(), r.getType(), r.getFlagKey(), List.of(r.getCustomerIds()),
                List.of(r.getRepIds()), List.of(r.getEventIds()), r.getFirstSeenAt(), r.getUpdatedAt(), r.getStatus(),
                r.getDismissedBy(), r.getDismissedReason(), r.getDismissedAt());
    }
}
