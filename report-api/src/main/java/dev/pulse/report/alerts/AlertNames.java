package dev.pulse.report.alerts;

import static dev.pulse.report.db.Tables.FOLLOWUP;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.pulse.events.Pipeline;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;

/**
 * Names for the ids an alert carries, so that a message reads "张伟" and "意向 Qualified" rather than
 * {@code rep-zhangwei} and {@code QUALIFIED}: a rep's display name from the users admins set up,
 * else the name the rep's latest follow-up gave; a team's name; the pipeline's stage names. An id
 * without a known name is shown as it is.
 */
@Component
public class AlertNames {

    // pulse_user and pulse_team are the security module's tables (V5), outside jOOQ's generated classes
    private static final Field<String> USER_REP_ID = field(name("pulse_user", "rep_id"), String.class);
    private static final Field<String> USER_DISPLAY_NAME = field(name("pulse_user", "display_name"), String.class);
    private static final Field<String> TEAM_ID = field(name("pulse_team", "team_id"), String.class);
    private static final Field<String> TEAM_NAME = field(name("pulse_team", "name"), String.class);

    /** The names found for one batch of messages. */
    public record Lookup(Map<String, String> reps, Map<String, String> teams, Pipeline pipeline, String dashboardUrl) {

        public String rep(String repId) {
            return repId == null ? "-" : reps.getOrDefault(repId, repId);
        }

        String team(String teamId) {
            return teamId == null ? null : teams.getOrDefault(teamId, teamId);
        }

        String stage(String code) {
            return code == null ? "-" : pipeline.find(code).map(s -> s.nameZh() + " " + s.nameEn()).orElse(code);
        }

        /** The customer on the stale page of the dashboards, its history open; null without a configured address. */
        String customerLink(String customerId) {
            return dashboardUrl == null ? null
                    : dashboardUrl + "/stale.html?customer=" + URLEncoder.encode(customerId, StandardCharsets.UTF_8);
        }
    }

    private final Pipeline pipeline;
    private final String dashboardUrl;

    AlertNames(Pipeline pipeline, AlertProperties properties) {
        this.pipeline = pipeline;
        this.dashboardUrl = properties.dashboardUrl();
    }

    public Lookup lookup(DSLContext db, Collection<String> repIds, Collection<String> teamIds) {
        Map<String, String> reps = new HashMap<>();
        if (!repIds.isEmpty()) {
            db.selectDistinct(FOLLOWUP.REP_ID, FOLLOWUP.REP_NAME).on(FOLLOWUP.REP_ID)
                    .from(FOLLOWUP)
                    .where(FOLLOWUP.REP_ID.in(repIds)).and(FOLLOWUP.REP_NAME.isNotNull())
                    .orderBy(FOLLOWUP.REP_ID, FOLLOWUP.OCCURRED_AT.desc())
                    .forEach(r -> reps.put(r.value1(), r.value2()));
            // what an admin set up wins over what a follow-up said
            db.select(USER_REP_ID, USER_DISPLAY_NAME).from(table(name("pulse_user")))
                    .where(USER_REP_ID.in(repIds)).and(USER_DISPLAY_NAME.isNotNull())
                    .forEach(r -> reps.put(r.value1(), r.value2()));
        }
        Map<String, String> teams = teamIds.isEmpty() ? Map.of()
                : db.select(TEAM_ID, TEAM_NAME).from(table(name("pulse_team")))
                        .where(TEAM_ID.in(teamIds)).and(TEAM_NAME.isNotNull())
                        .fetch().stream().collect(Collectors.toMap(r -> r.value1(), r -> r.value2(), (a, b) -> a));
        return new Lookup(reps, teams, pipeline, dashboardUrl);
    }
}
