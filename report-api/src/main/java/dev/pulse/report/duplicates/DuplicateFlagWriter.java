package dev.pulse.report.duplicates;

import static dev.pulse.report.db.Tables.DUPLICATE_FLAG;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.when;

import dev.pulse.events.PulseTopics;
import dev.pulse.events.duplicates.DuplicateFlag;
import dev.pulse.events.duplicates.DuplicateType;
import dev.pulse.report.projector.Owner;
import dev.pulse.report.projector.ProjectingWriter;
import dev.pulse.report.projector.TopicWriter;
import dev.pulse.report.sql.MultiRowInsert;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;

/**
 * Duplicate flags into duplicate_flag: the last update of each flag in a poll, all in one multi-row
 * upsert. A manager's dismissal stands until the flag gains a member: a new customer or rep, or (for
 * a duplicate entry) another copy of the entry; then the flag opens again, still showing who
 * dismissed it before and why.
 */
@Component
class DuplicateFlagWriter implements TopicWriter.Factory {

    private static final List<Field<?>> COLUMNS = List.of(DUPLICATE_FLAG.FLAG_ID, DUPLICATE_FLAG.TYPE,
            DUPLICATE_FLAG.FLAG_KEY, DUPLICATE_FLAG.CUSTOMER_IDS, DUPLICATE_FLAG.REP_IDS, DUPLICATE_FLAG.EVENT_IDS,
            DUPLICATE_FLAG.FIRST_SEEN_AT, DUPLICATE_FLAG.UPDATED_AT);

    @Override
    public List<TopicWriter> create(PulseTopics topics) {
        return List.of(ProjectingWriter.derived(topics.duplicateFlags(), DuplicateFlagWriter::complete,
                flag -> flag.repIds().stream().map(repId -> new Owner(repId, null)).toList(), DuplicateFlagWriter::write));
    }

    private static void write(DSLContext db, List<DuplicateFlag> flags) {
        // flag id -> its last update in the poll
        var latest = ProjectingWriter.foldedByKey(flags, DuplicateFlag::flagId, (earlier, later) -> later);
        Condition grew = DUPLICATE_FLAG.CUSTOMER_IDS.ne(excluded(DUPLICATE_FLAG.CUSTOMER_IDS))
                .or(DUPLICATE_FLAG.REP_IDS.ne(excluded(DUPLICATE_FLAG.REP_IDS)))
                .or(DUPLICATE_FLAG.TYPE.eq(DuplicateType.DUPLICATE_ENTRY.name())
                        .and(DUPLICATE_FLAG.EVENT_IDS.ne(excluded(DUPLICATE_FLAG.EVENT_IDS))));
        Map<Field<?>, Object> update = new LinkedHashMap<>();
        // a dismissal (status, dismissed_by, _reason, _at) stands unless the flag grew; who dismissed it stays
        update.put(DUPLICATE_FLAG.STATUS, when(grew, inline("OPEN")).otherwise(DUPLICATE_FLAG.STATUS));
        for (Field<?> membership : List.of(DUPLICATE_FLAG.CUSTOMER_IDS, DUPLICATE_FLAG.REP_IDS, DUPLICATE_FLAG.EVENT_IDS,
                DUPLICATE_FLAG.FIRST_SEEN_AT, DUPLICATE_FLAG.UPDATED_AT)) {
            update.put(membership, excluded(membership));
        }
        MultiRowInsert.insert(db, DUPLICATE_FLAG, COLUMNS, latest, flag -> new Object[] {
                        UUID.fromString(flag.flagId()), flag.type().name(), flag.key(),
                        flag.customerIds().toArray(String[]::new), flag.repIds().toArray(String[]::new),
                        flag.eventIds().toArray(String[]::new), flag.firstSeenAt().atOffset(ZoneOffset.UTC),
                        flag.updatedAt().atOffset(ZoneOffset.UTC)},
                insert -> insert.onConflict(DUPLICATE_FLAG.FLAG_ID).doUpdate().set(update));
    }

    /** Flags are written only by the stream processor; one without what its row needs is skipped. */
    private static boolean complete(DuplicateFlag flag) {
        return flag.type() != null && flag.key() != null && flag.firstSeenAt() != null && flag.updatedAt() != null;
    }
}
