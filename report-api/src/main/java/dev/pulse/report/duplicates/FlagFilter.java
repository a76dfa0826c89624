package dev.pulse.report.duplicates;

import static org.jooq.impl.DSL.noCondition;

import dev.pulse.report.followup.CustomerSource;
import dev.pulse.report.security.Scopes;
import dev.pulse.security.AccessScope;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.Field;

/**
 * The filter bar's narrowing of duplicate flags, each null for any. A flag names several reps and
 * customers, so it matches when one of them does: repId one of its reps; teamId one of its reps seen
 * working in that team (the rep activity, as the caller's scope reads a manager's team); source one of
 * its customers of that source (definition 2). The same conditions as the caller's scope, with the
 * filter in the caller's place.
 */
record FlagFilter(String repId, String teamId, String source) {

    static final FlagFilter NONE = new FlagFilter(null, null, null);

    Condition condition(Field<String[]> repIds, Field<String[]> customerIds) {
        return (repId == null ? noCondition() : Scopes.anyRep(AccessScope.rep(repId), repIds))
                .and(teamId == null ? noCondition() : Scopes.anyRep(AccessScope.teams(Set.of(teamId)), repIds))
                .and(CustomerSource.anyIs(customerIds, source));
    }
}
