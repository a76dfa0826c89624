package dev.pulse.report.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.report.EmbeddedReadModel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The webhook outbox delivered to local robots that answer as WeCom, DingTalk and Feishu do
 * ({@link FakeRobots}), on a real PostgreSQL migrated by the application's Flyway scripts. The
 * deliverers are the application's own classes; only the HTTP server on the other side is fake.
 */
class AlertDeliveryIT {

    private static final Duration WINDOW = Duration.ofSeconds(3);

    @RegisterExtension
    static final EmbeddedReadModel readModel = new EmbeddedReadModel();
    private static final AtomicInteger databases = new AtomicInteger();

    private FakeRobots robots;
    private DataSource dataSource;
    private DSLContext db;

    @BeforeEach
    void freshDatabaseAndRobots() throws SQLException {
        dataSource = readModel.migrated("deliveries_" + databases.incrementAndGet());
        db = DSL.using(dataSource, SQLDialect.POSTGRES);
        robots = new FakeRobots();
    }

    @org.junit.jupiter.api.AfterEach
    void stopRobots() {
        robots.close();
    }

    @Test
    void shouldDeliverEveryAlertExactlyOnceToEachRobotWithTwoInstancesSharingTheOutbox() throws Exception {
        FakeRobots.Robot wecom = robots.add("/wecom", WebhookFormat.WECOM, null, 20, WINDOW);
        FakeRobots.Robot dingtalk = robots.add("/dingtalk", WebhookFormat.DINGTALK, "SECdingtalk-42", 20, WINDOW);
        FakeRobots.Robot feishu = robots.add("/feishu", WebhookFormat.FEISHU, "feishu-secret-7", 20, WINDOW);
        // Pulse counts a message when it sends it, the robot when it arrives: on a 3 s test window the
        // delay of a loaded machine is a large share, so Pulse keeps a margin below the robot's 20
        AlertProperties properties = properties(15, 5,
                "wecom=" + robots.url("/wecom"),
                "dingtalk=" + robots.url("/dingtalk") + "#secret=SECdingtalk-42",
                "feishu=" + robots.url("/feishu") + "#secret=feishu-secret-7");
        Outbox outbox = new Outbox(properties, new AlertRoutes(db));
        WebhookDeliverer first = deliverer(properties, new SimpleMeterRegistry());
        WebhookDeliverer second = deliverer(properties, new SimpleMeterRegistry());

        // given 60 alerts arriving in waves while both instances poll the same outbox
        List<UUID> alertIds = IntStream.range(0, 60).mapToObj(i -> UUID.randomUUID()).toList();
        // each instance polls every 50 ms, as its scheduler would; a wave of 10 alerts comes every 150 ms
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(3);
        clock.scheduleWithFixedDelay(first::deliverDue, 0, 50, TimeUnit.MILLISECONDS);
        clock.scheduleWithFixedDelay(second::deliverDue, 0, 50, TimeUnit.MILLISECONDS);
        for (int wave = 0; wave < 6; wave++) {
            List<UUID> ids = alertIds.subList(wave * 10, wave * 10 + 10);
            clock.schedule(() -> outbox.enqueue(db, ids.stream().map(AlertDeliveryIT::message).toList()),
                    wave * 150L, TimeUnit.MILLISECONDS);
        }
        awaitTrue(Duration.ofSeconds(120), () -> count("select count(*) from webhook_delivery") == 180
                && count("select count(*) from webhook_delivery where delivered_at is null") == 0);
        clock.shutdownNow();
        clock.awaitTermination(10, TimeUnit.SECONDS);

        // then each robot got each alert once, in messages it accepted: no rate limit, size or signature refusal
        for (FakeRobots.Robot robot : List.of(wecom, dingtalk, feishu)) {
            assertThat(FakeRobots.alertIds(robot.texts())).containsExactlyInAnyOrderElementsOf(alertIds);
            assertThat(robot.refused).as(robot.format + " refusals").isEmpty();
        }
        assertThat(count("select count(*) from webhook_delivery where delivered_at is not null")).isEqualTo(180);
    }

    @Test
    void shouldWaitAndSendAgainWhenTheRobotSaysTooFastWithoutSpendingTheRetryBudget() {
        // given a robot that takes 20 messages per window, and a Pulse told it may send 30
        FakeRobots.Robot wecom = robots.add("/wecom", WebhookFormat.WECOM, null, 20, WINDOW);
        AlertProperties properties = properties(30, 2, "wecom=" + robots.url("/wecom"));
        List<UUID> alertIds = IntStream.range(0, 25).mapToObj(i -> UUID.randomUUID()).toList();
        new Outbox(properties, new AlertRoutes(db)).enqueue(db, alertIds.stream().map(AlertDeliveryIT::message).toList());
        WebhookDeliverer deliverer = deliverer(properties, new SimpleMeterRegistry());

        // when the outbox is delivered
        deliverer.deliverDue();
        assertThat(wecom.refused(45009)).isEqualTo(5);
        awaitTrue(Duration.ofSeconds(90), () -> {
            deliverer.deliverDue();
            return count("select count(*) from webhook_delivery where delivered_at is null") == 0;
        });

        // then the five it refused came later, once each, and no row used up its budget of two attempts
        assertThat(FakeRobots.alertIds(wecom.texts())).containsExactlyInAnyOrderElementsOf(alertIds);
        assertThat(count("select count(*) from webhook_delivery where failed_at is not null")).isZero();
        assertThat(count("select max(attempts) from webhook_delivery")).isEqualTo(1);
    }

    @Test
    void shouldMarkADeliveryFailedAfterTheBudgetWhenTheSignatureIsRefusedAndSendItOnAnAdminsRetry() {
        // given a DingTalk robot whose secret Pulse has wrong
        FakeRobots.Robot dingtalk = robots.add("/dingtalk", WebhookFormat.DINGTALK, "SECright", 20, WINDOW);
        AlertProperties wrong = properties(20, 3, "dingtalk=" + robots.url("/dingtalk") + "#secret=SECwrong");
        UUID alertId = UUID.randomUUID();
        new Outbox(wrong, new AlertRoutes(db)).enqueue(db, List.of(message(alertId)));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        WebhookDeliverer deliverer = deliverer(wrong, meters);

        // when it is tried until the budget of three attempts is spent (back-off 1 s, then 1 s at most)
        awaitTrue(Duration.ofSeconds(90), () -> {
            deliverer.deliverDue();
            return count("select count(*) from webhook_delivery where failed_at is not null") == 1;
        });

        // then it is visible: the robot refused three times, the metrics and the failed list say so
        assertThat(dingtalk.refused(310000)).isEqualTo(3);
        assertThat(dingtalk.accepted).isEmpty();
        assertThat(meters.counter("pulse.webhooks.undeliverable", "format", "dingtalk").count()).isEqualTo(1.0);
        assertThat(meters.get("pulse.webhooks.failed.pending").gauge().value()).isEqualTo(1.0);
        Deliveries deliveries = new Deliveries(db, wrong);
        List<FailedDelivery> failed = deliveries.failedDeliveries(10);
        assertThat(failed).hasSize(1);
        assertThat(failed.getFirst().messageId()).isEqualTo(alertId);
        assertThat(failed.getFirst().attempts()).isEqualTo(3);
        assertThat(failed.getFirst().lastError()).isEqualTo("errcode 310000 refused");

        // when the admin fixes the secret (an instance started with the right one) and retries
        AlertProperties right = properties(20, 3, "dingtalk=" + robots.url("/dingtalk") + "#secret=SECright");
        WebhookDeliverer fixed = deliverer(right, new SimpleMeterRegistry());
        deliverer.stop();
        assertThat(deliveries.retry(alertId)).isEqualTo(1);
        fixed.deliverDue();

        // then the robot has it, once
        assertThat(FakeRobots.alertIds(dingtalk.texts())).containsExactly(alertId);
        assertThat(deliveries.failedCount()).isZero();
    }

    @Test
    void shouldShortenAMessageOverTheRobotsSizeLimitAndCountTheLinesLeftOut() {
        FakeRobots.Robot wecom = robots.add("/wecom", WebhookFormat.WECOM, null, 20, WINDOW);
        FakeRobots.Robot feishu = robots.add("/feishu", WebhookFormat.FEISHU, null, 20, WINDOW);
        AlertProperties properties = properties(20, 3, "wecom=" + robots.url("/wecom"), "feishu=" + robots.url("/feishu"));
        // given a digest of 400 customers, about 21,000 bytes
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 400; i++) {
            text.append("- 客户 ").append(i).append(" (c-").append(i).append(") QUALIFIED, STALE, 20.5 天 days\n");
        }
        UUID digestId = UUID.randomUUID();
        new Outbox(properties, new AlertRoutes(db)).enqueue(db, List.of(new Outbox.Message(digestId, "DIGEST", Map.of("type", "digest"),
                "今日待跟进 Who to call today: rep-1 (400)", text.toString().strip(), null, null, false)));

        deliverer(properties, new SimpleMeterRegistry()).deliverDue();

        // then each robot accepted one message whose shown lines and counted lines add up to 400
        for (FakeRobots.Robot robot : List.of(wecom, feishu)) {
            assertThat(robot.refused).as(robot.format + " refusals").isEmpty();
            assertThat(robot.texts()).hasSize(1);
            String received = robot.texts().getFirst();
            long shown = received.lines().filter(line -> line.startsWith("- 客户 ")).count();
            Matcher leftOut = Pattern.compile("另有 (\\d+) 行未显示 \\((\\d+) more lines not shown\\)").matcher(received);
            assertThat(leftOut.find()).as(received).isTrue();
            assertThat(shown).isPositive();
            assertThat(shown + Long.parseLong(leftOut.group(1))).isEqualTo(400);
        }
    }

    private static Outbox.Message message(UUID alertId) {
        return new Outbox.Message(alertId, "OPEN", Map.of("type", "alert", "alertId", alertId.toString()),
                "客户久未跟进 Stale customer: 客户 " + alertId.toString().substring(0, 4),
                "客户 Customer: 客户 " + alertId.toString().substring(0, 4) + "\n负责人 Rep: 张伟\n阶段 Stage: 意向\nalertId: " + alertId,
                null, null, false);
    }

    private static AlertProperties properties(int robotRate, int maxAttempts, String... webhooks) {
        return new AlertProperties(List.of(webhooks), Duration.ofMillis(100), Duration.ofSeconds(1), maxAttempts,
                robotRate, WINDOW, Duration.ofMinutes(2), Duration.ofSeconds(30), null);
    }

    private WebhookDeliverer deliverer(AlertProperties properties, SimpleMeterRegistry meters) {
        return new WebhookDeliverer(new Deliveries(db, properties), new ReceiverSecrets(properties, new AlertRoutes(db)), properties, meters);
    }

    private long count(String sql) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static void awaitTrue(Duration atMost, BooleanSupplier condition) {
        org.awaitility.Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(condition::getAsBoolean);
    }
}
