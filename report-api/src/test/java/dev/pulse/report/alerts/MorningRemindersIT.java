package dev.pulse.report.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.events.Pipeline;
import dev.pulse.report.EmbeddedReadModel;
import dev.pulse.report.config.ReportProperties;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The morning reminder on a real PostgreSQL: follow-ups written as the projector writes them, the
 * reminder run at 08:30 Shanghai time on 2026-12-04, and what it queued read back with plain SQL.
 */
class MorningRemindersIT {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 08:30 in Shanghai on 2026-12-04. */
    private static final Instant NOW = Instant.parse("2026-12-04T00:30:00Z");

    @RegisterExtension
    static final EmbeddedReadModel readModel = new EmbeddedReadModel();

    private static DataSource dataSource;
    private static DSLContext db;

    @BeforeAll
    static void migrate() {
        dataSource = readModel.migrated();
        db = DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    @Test
    void shouldRemindEachRepOfTodaysPlannedFollowUpsAndCustomersTurningStaleAndEachTeamOfItsList() throws SQLException {
        // given, on 2026-12-04 in Shanghai:
        // C-1 planned for 10:00 today (zhangwei); C-2 a QUOTE touched 3 days ago at 15:00, stale today at 15:00 (zhangwei)
        followUp("C-1", "王芳", "rep-zhangwei", "张伟", "team-east", "QUALIFIED", "2026-12-01T10:00:00+08:00", "2026-12-04T10:00:00+08:00");
        followUp("C-2", "陈静", "rep-zhangwei", "张伟", "team-east", "QUOTE", "2026-12-01T15:00:00+08:00", null);
        // C-3 LEAD touched 14 days ago at 09:00 (lisi): stale today; C-4 planned tomorrow; C-5 stale yesterday
        followUp("C-3", "刘洋", "rep-lisi", "李四", "team-east", "LEAD", "2026-11-20T09:00:00+08:00", null);
        followUp("C-4", "赵敏", "rep-lisi", "李四", "team-east", "LEAD", "2026-12-03T09:00:00+08:00", "2026-12-05T09:00:00+08:00");
        followUp("C-5", "孙磊", "rep-lisi", "李四", "team-east", "QUOTE", "2026-11-30T09:00:00+08:00", null);
        // C-6 planned today, but its later follow-up closed it (WON); C-7 planned today for it was before a newer one
        followUp("C-6", "周杰", "rep-lisi", "李四", "team-east", "PROPOSAL", "2026-12-01T09:00:00+08:00", "2026-12-04T11:00:00+08:00");
        followUp("C-6", "周杰", "rep-lisi", "李四", "team-east", "WON", "2026-12-02T09:00:00+08:00", null);
        followUp("C-7", "吴昊", "rep-lisi", "李四", "team-east", "PROPOSAL", "2026-11-30T09:00:00+08:00", "2026-12-04T11:00:00+08:00");
        followUp("C-7", "吴昊", "rep-lisi", "李四", "team-east", "PROPOSAL", "2026-12-03T09:00:00+08:00", "2026-12-08T11:00:00+08:00");
        FakeRobots robots = new FakeRobots();
        try (robots) {
            AlertProperties alerts = new AlertProperties(List.of("wecom=" + robots.url("/default")), null, null, null, null,
                    null, null, null, "https://pulse.example.com");
            AlertRoutes routes = new AlertRoutes(db);
            MorningReminders reminders = new MorningReminders(db, new Outbox(alerts, routes),
                    new AlertNames(Pipeline.defaults(), alerts), Pipeline.defaults(), new ReminderProperties(null, null),
                    new ReportProperties(SHANGHAI), Clock.fixed(NOW, SHANGHAI));

            // when the reminder runs twice (a second instance, or a restart at 08:30)
            reminders.sendToday();
            reminders.sendToday();

            // then one message per rep and one for the team, queued once each
            List<String> queued = rows("select title, body_text from webhook_delivery where event = 'REMINDER'");
            assertThat(queued).containsExactlyInAnyOrder(
                    "今日提醒 Today's follow-ups: team-east (3) | 今日计划跟进 Planned for today:\n"
                            + "- 王芳 · 意向客户 Qualified · 10:00 · 张伟 https://pulse.example.com/stale.html?customer=C-1\n"
                            + "今日将久未跟进 Turning stale today:\n"
                            + "- 陈静 · 报价 Quote · 15:00 · 张伟 https://pulse.example.com/stale.html?customer=C-2\n"
                            + "- 刘洋 · 潜在客户 Lead · 09:00 · 李四 https://pulse.example.com/stale.html?customer=C-3",
                    "今日提醒 Today's follow-ups: 张伟 (2) | 今日计划跟进 Planned for today:\n"
                            + "- 王芳 · 意向客户 Qualified · 10:00 https://pulse.example.com/stale.html?customer=C-1\n"
                            + "今日将久未跟进 Turning stale today:\n"
                            + "- 陈静 · 报价 Quote · 15:00 https://pulse.example.com/stale.html?customer=C-2",
                    "今日提醒 Today's follow-ups: 李四 (1) | 今日将久未跟进 Turning stale today:\n"
                            + "- 刘洋 · 潜在客户 Lead · 09:00 https://pulse.example.com/stale.html?customer=C-3");

            // and the report API's view of the same lists, today's by default, another day's when asked
            LocalDate today = LocalDate.of(2026, 12, 4);
            assertThat(reminders.today()).isEqualTo(today);
            MorningReminders.Reminder zhangwei = reminders.forRep("rep-zhangwei", today);
            assertThat(zhangwei.planned()).extracting(MorningReminders.Item::customerId).containsExactly("C-1");
            assertThat(zhangwei.planned().getFirst().at()).isEqualTo(Instant.parse("2026-12-04T02:00:00Z"));
            assertThat(zhangwei.turningStale()).extracting(MorningReminders.Item::customerId).containsExactly("C-2");
            MorningReminders.Reminder team = reminders.forTeam("team-east", today);
            assertThat(team.planned()).extracting(MorningReminders.Item::customerId).containsExactly("C-1");
            assertThat(team.turningStale()).extracting(MorningReminders.Item::customerId)
                    .containsExactlyInAnyOrder("C-2", "C-3");
            MorningReminders.Reminder lisiTomorrow = reminders.forRep("rep-lisi", today.plusDays(1));
            assertThat(lisiTomorrow.planned()).extracting(MorningReminders.Item::customerId).containsExactly("C-4");
            assertThat(lisiTomorrow.turningStale()).isEmpty();
        }
    }

    private static void followUp(String customerId, String customerName, String repId, String repName, String teamId,
                                 String stage, String occurredAt, String nextFollowUpAt) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into followup (event_id, customer_id, customer_name, rep_id, rep_name, team_id, occurred_at,
                                           channel, content, stage, next_follow_up_at)
                     values (?, ?, ?, ?, ?, ?, ?, 'PHONE', '电话沟通', ?, ?)""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, customerId);
            insert.setString(3, customerName);
            insert.setString(4, repId);
            insert.setString(5, repName);
            insert.setString(6, teamId);
            insert.setObject(7, OffsetDateTime.parse(occurredAt));
            insert.setString(8, stage);
            insert.setObject(9, nextFollowUpAt == null ? null : OffsetDateTime.parse(nextFollowUpAt));
            insert.executeUpdate();
        }
    }

    private static List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                rows.add(result.getString(1) + " | " + result.getString(2));
            }
        }
        return rows;
    }
}
