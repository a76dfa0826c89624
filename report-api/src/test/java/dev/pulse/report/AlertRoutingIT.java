package dev.pulse.report;

import static dev.pulse.report.RunningReport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pulse.events.JsonSerde;
import dev.pulse.events.alerts.Alert;
import dev.pulse.events.alerts.AlertKind;
import dev.pulse.events.alerts.AlertStatus;
import dev.pulse.report.alerts.FakeRobots;
import dev.pulse.report.alerts.WebhookFormat;
import dev.pulse.testsupport.TestHttp;
import dev.pulse.testsupport.TestPostgres;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Alert routing end to end: an admin sets up routes and @mention contacts through the API, alerts
 * come through the alerts topic and the projector, and local robots ({@link FakeRobots}) receive
 * each one on the route it belongs to, signed, with names instead of ids. A delivery the robot keeps
 * refusing shows in the admin API and the metrics, and an admin's retry sends it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlertRoutingIT {

    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final Serializer<Alert> ALERTS = JsonSerde.of(Alert.class).serializer();

    private static final FakeRobots robots = new FakeRobots();
    private static final FakeRobots.Robot fallback = robots.add("/default-wecom", WebhookFormat.WECOM, null, 20, WINDOW);
    private static final FakeRobots.Robot repRobot =
            robots.add("/rep-dingtalk", WebhookFormat.DINGTALK, "SECzhangwei", 20, WINDOW);
    private static final FakeRobots.Robot teamRobot =
            robots.add("/team-feishu", WebhookFormat.FEISHU, "team-east-secret", 20, WINDOW);

    @RegisterExtension
    static final ReportStack stack = new ReportStack("alert-routing-it", "routing",
            "pulse.alerts.webhooks=wecom=" + robots.url("/default-wecom"),
            "pulse.alerts.poll-interval=200ms", "pulse.alerts.max-attempts=2", "pulse.alerts.max-backoff=1s",
            "pulse.alerts.timeout=30s", "pulse.alerts.claim-lease=2m",
            "pulse.alerts.dashboard-url=https://pulse.example.com/");

    @BeforeAll
    static void nameTheRepAndTheTeam() {
        // the names an admin set up: a rep's display name and a team's name
        TestPostgres.execute(stack.jdbcUrl(), "insert into pulse_team (team_id, name) values ('team-east', '华东一组')");
        TestPostgres.execute(stack.jdbcUrl(), "insert into pulse_user (username, role, rep_id, display_name) "
                + "values ('zhangwei', 'REP', 'rep-zhangwei', '张伟')");
    }

    /** The robots stop before the report API (the stack stops after the class's @AfterAll methods). */
    @AfterAll
    static void stopRobots() {
        robots.close();
    }

    @Test
    @Order(1)
    void shouldRefuseBadRoutesAndContactsWithA400ThatNamesTheField() {
        List<BadRequest> refused = List.of(
                newRoute("{\"format\":\"wecom\",\"url\":\"https://x.example/h\"}", "scope is required"),
                newRoute("{\"scope\":\"REP\",\"format\":\"wecom\",\"url\":\"https://x.example/h\"}",
                        "scopeId (the rep id) must be"),
                newRoute("{\"scope\":\"DEFAULT\",\"scopeId\":\"x\",\"format\":\"wecom\",\"url\":\"https://x.example/h\"}",
                        "a DEFAULT route has no scopeId"),
                newRoute("{\"scope\":\"TEAM\",\"scopeId\":\"t\",\"format\":\"slack\",\"url\":\"https://x.example/h\"}",
                        "unknown webhook format 'slack'"),
                newRoute("{\"scope\":\"TEAM\",\"scopeId\":\"t\",\"format\":\"wecom\",\"url\":\"ftp://x.example/h\"}",
                        "url must be an http(s) URL"),
                newRoute("{\"scope\":\"TEAM\",\"scopeId\":\"t\",\"format\":\"wecom\",\"url\":\"https://x.example/h\",\"secret\":\"s\"}",
                        "only dingtalk and feishu robots sign messages"),
                new BadRequest("PUT", "/api/v1/admin/alert-contacts/rep-1", "{\"mobile\":\"call me\"}", "mobile is not valid"));
        for (BadRequest bad : refused) {
            assertThat(send(bad.method(), bad.path(), bad.body())).as(bad.body())
                    .satisfies(r -> assertProblem(r, 400, bad.detail()));
        }
        assertThat(send("PUT", "/api/v1/admin/alert-routes/" + UUID.randomUUID(),
                "{\"scope\":\"DEFAULT\",\"format\":\"wecom\",\"url\":\"https://x.example/h\"}").statusCode()).isEqualTo(404);
        assertThat(stack.report().getJson("/api/v1/admin/alert-routes").get("rows")).isEmpty();
    }

    @Test
    @Order(2)
    void shouldSendEachAlertToItsRepsRouteElseItsTeamsElseTheDefaultWithNamesALinkAndAMention() {
        // given a route for rep-zhangwei, one for team-east, and how DingTalk mentions zhangwei
        HttpResponse<String> rep = send("POST", "/api/v1/admin/alert-routes", """
                {"scope":"REP","scopeId":"rep-zhangwei","format":"dingtalk","url":"%s","secret":"SECzhangwei"}"""
                .formatted(robots.url("/rep-dingtalk")));
        assertThat(rep.statusCode()).as(rep.body()).isEqualTo(201);
        assertThat(json(rep).get("signed").asBoolean()).isTrue();
        assertThat(rep.body()).doesNotContain("SECzhangwei");
        assertThat(send("POST", "/api/v1/admin/alert-routes", """
                {"scope":"TEAM","scopeId":"team-east","format":"feishu","url":"%s","secret":"team-east-secret"}"""
                .formatted(robots.url("/team-feishu"))).statusCode()).isEqualTo(201);
        assertThat(send("POST", "/api/v1/admin/alert-routes", """
                {"scope":"TEAM","scopeId":"team-east","format":"feishu","url":"%s"}"""
                .formatted(robots.url("/team-feishu"))).statusCode()).isEqualTo(409);
        assertThat(send("PUT", "/api/v1/admin/alert-contacts/rep-zhangwei",
                "{\"mobile\":\"13800000000\",\"dingtalkUserId\":\"zhangwei01\",\"feishuUserId\":\"ou_7d8a6e\"}").statusCode())
                .isEqualTo(204);

        // when three alerts open: zhangwei's (team-east), lisi's (team-east, no route of his own), wangwu's (team-west)
        Alert zhangwei = alert("C-1", "王芳", "rep-zhangwei", "team-east");
        Alert lisi = alert("C-2", "陈静", "rep-lisi", "team-east");
        Alert wangwu = alert("C-3", "刘洋", "rep-wangwu", "team-west");
        try (KafkaProducer<String, byte[]> producer = stack.kafka().producer()) {
            for (Alert alert : List.of(zhangwei, lisi, wangwu)) {
                producer.send(new ProducerRecord<>(stack.topics().alerts(), alert.alertId().toString(),
                        ALERTS.serialize(stack.topics().alerts(), alert)));
            }
        }

        // then each robot got exactly its alert, signed (the robots refused nothing)
        await().atMost(Duration.ofSeconds(90)).until(() -> repRobot.accepted.size() + teamRobot.accepted.size()
                + fallback.accepted.size() == 3);
        assertThat(alertIds(repRobot)).containsExactly(zhangwei.alertId());
        assertThat(alertIds(teamRobot)).containsExactly(lisi.alertId());
        assertThat(alertIds(fallback)).containsExactly(wangwu.alertId());
        assertThat(repRobot.refused).isEmpty();
        assertThat(teamRobot.refused).isEmpty();

        // with names rather than ids, a link to the customer, and zhangwei @mentioned on DingTalk
        String text = repRobot.texts().getFirst();
        assertThat(text).contains("客户 Customer: 王芳").contains("负责人 Rep: 张伟 / 华东一组")
                .contains("阶段 Stage: 意向客户 Qualified").contains("https://pulse.example.com/stale.html?customer=C-1")
                .contains("@13800000000").doesNotContain("rep-zhangwei").doesNotContain("QUALIFIED");
        JsonNode at = json(repRobot.accepted.getFirst()).get("at");
        assertThat(at.get("atMobiles").get(0).asString()).isEqualTo("13800000000");
        assertThat(at.get("atUserIds").get(0).asString()).isEqualTo("zhangwei01");
        // lisi has no contact: nobody is mentioned on the team's robot
        assertThat(teamRobot.texts().getFirst()).contains("负责人 Rep: rep-lisi / 华东一组").doesNotContain("<at ");
    }

    @Test
    @Order(3)
    void shouldListADeliveryTheRobotKeepsRefusingAndSendItAfterTheSecretIsFixedAndAnAdminRetries() {
        // given a route whose secret is wrong
        FakeRobots.Robot robot = robots.add("/rep-zhaoliu", WebhookFormat.DINGTALK, "SECright", 20, WINDOW);
        HttpResponse<String> created = send("POST", "/api/v1/admin/alert-routes", """
                {"scope":"REP","scopeId":"rep-zhaoliu","format":"dingtalk","url":"%s","secret":"SECwrong"}"""
                .formatted(robots.url("/rep-zhaoliu")));
        String routeId = json(created).get("routeId").asString();
        Alert alert = alert("C-4", "赵敏", "rep-zhaoliu", "team-west");
        try (KafkaProducer<String, byte[]> producer = stack.kafka().producer()) {
            producer.send(new ProducerRecord<>(stack.topics().alerts(), alert.alertId().toString(), ALERTS.serialize(stack.topics().alerts(), alert)));
        }

        // when the budget of two attempts is spent, then the admin API and the metrics show it
        await().atMost(Duration.ofSeconds(90)).until(() ->
                stack.report().getJson("/api/v1/admin/alert-deliveries").get("rows").size() == 1);
        JsonNode failed = stack.report().getJson("/api/v1/admin/alert-deliveries").get("rows").get(0);
        assertThat(failed.get("messageId").asString()).isEqualTo(alert.alertId().toString());
        assertThat(failed.get("attempts").asInt()).isEqualTo(2);
        assertThat(failed.get("lastError").asString()).isEqualTo("errcode 310000 refused");
        assertThat(robot.refused(310000)).isEqualTo(2);
        String metrics = stack.report().get("/actuator/prometheus").body();
        assertThat(metrics).contains("pulse_webhooks_failed_pending 1.0");
        assertThat(metrics).containsPattern("pulse_webhooks_undeliverable_total\\{format=\"dingtalk\"[^}]*\\} 1.0");

        // when the admin fixes the secret and retries
        assertThat(send("PUT", "/api/v1/admin/alert-routes/" + routeId, """
                {"scope":"REP","scopeId":"rep-zhaoliu","format":"dingtalk","url":"%s","secret":"SECright"}"""
                .formatted(robots.url("/rep-zhaoliu"))).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/v1/admin/alert-deliveries/" + alert.alertId() + "/retry", "").statusCode()).isEqualTo(200);

        // then the robot has it once and nothing is failed any more
        await().atMost(Duration.ofSeconds(90)).until(() -> robot.accepted.size() == 1);
        assertThat(alertIds(robot)).containsExactly(alert.alertId());
        assertThat(stack.report().getJson("/api/v1/admin/alert-deliveries").get("rows")).isEmpty();
        assertThat(send("POST", "/api/v1/admin/alert-deliveries/" + alert.alertId() + "/retry", "").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(4)
    void shouldSendTheManagersStepAndTheReleaseToTheTeamsRouteEvenWhenTheRepHasOne() {
        // given zhangwei's routes and contact from above; his customer climbs the ladder
        Alert stale = alert("C-5", "周杰", "rep-zhangwei", "team-east");
        Instant due = stale.dueAt();
        Alert escalated = step(stale, AlertKind.ESCALATED, due.plus(Duration.ofDays(2)));
        Alert released = step(stale, AlertKind.RELEASED, due.plus(Duration.ofDays(5)));
        Alert claimed = released.claimed(Instant.now(), "rep-lisi");
        int repBefore = repRobot.accepted.size();
        int teamBefore = teamRobot.accepted.size();

        // when the steps come through the alerts topic
        try (KafkaProducer<String, byte[]> producer = stack.kafka().producer()) {
            for (Alert alert : List.of(stale, escalated, released, stale.resolved(Instant.now(), "RELEASED"),
                    escalated.resolved(Instant.now(), "RELEASED"), claimed)) {
                producer.send(new ProducerRecord<>(stack.topics().alerts(), alert.alertId().toString(),
                        ALERTS.serialize(stack.topics().alerts(), alert)));
            }
        }

        // then the rep's robot has the rep's step (opened and resolved), the team's robot the manager's and the pool's
        // (counted by alertId: a robot may get several of them merged into one message)
        await().atMost(Duration.ofSeconds(90)).until(() -> FakeRobots.alertIds(since(repRobot, repBefore)).size() == 2
                && FakeRobots.alertIds(since(teamRobot, teamBefore)).size() == 4);
        List<String> teamTexts = since(teamRobot, teamBefore);
        assertThat(FakeRobots.alertIds(since(repRobot, repBefore)))
                .as("opened, then ended by the release").containsExactly(stale.alertId(), stale.alertId());
        assertThat(FakeRobots.alertIds(teamTexts)).containsExactlyInAnyOrder(escalated.alertId(), escalated.alertId(),
                released.alertId(), released.alertId());
        assertThat(teamTexts).anySatisfy(text -> assertThat(text).contains("升级：客户仍未跟进 Escalated")
                .contains("负责人 Rep: 张伟 / 华东一组"));
        assertThat(teamTexts).anySatisfy(text -> assertThat(text).contains("已释放到公海 Released to the pool")
                .contains("The next rep to follow up claims the customer"));
        assertThat(teamTexts).anySatisfy(text -> assertThat(text).contains("已从公海认领 Claimed from the pool")
                .contains("认领人 Claimed by: rep-lisi"));
        assertThat(teamTexts).as("the manager's robot @mentions nobody").noneMatch(text -> text.contains("<at "));

        // and the alert history says who claimed the customer
        await().atMost(Duration.ofSeconds(30)).until(() -> stack.report().getJson("/api/v1/alerts?customerId=C-5&status=RESOLVED")
                .get("rows").size() == 3);
        JsonNode rows = stack.report().getJson("/api/v1/alerts?customerId=C-5&status=RESOLVED").get("rows");
        assertThat(java.util.stream.StreamSupport.stream(rows.spliterator(), false)
                .filter(row -> row.get("kind").asString().equals("RELEASED")).findFirst().orElseThrow()
                .get("claimedBy").asString()).isEqualTo("rep-lisi");
    }

    private static Alert step(Alert stale, AlertKind kind, Instant due) {
        return new Alert(UUID.nameUUIDFromBytes((stale.customerId() + kind + due).getBytes(StandardCharsets.UTF_8)), kind,
                AlertStatus.OPEN, stale.customerId(), stale.customerName(), stale.repId(), stale.teamId(), stale.stage(),
                stale.lastFollowUpAt(), null, stale.thresholdDays(), due, Instant.now(), null, null);
    }

    private static Alert alert(String customerId, String customerName, String repId, String teamId) {
        Instant last = Instant.now().minus(Duration.ofDays(20));
        return new Alert(UUID.randomUUID(), AlertKind.STALE, AlertStatus.OPEN, customerId, customerName, repId, teamId,
                "QUALIFIED", last, null, 14.0, last.plus(Duration.ofDays(14)), Instant.now(), null, null);
    }

    private static List<String> since(FakeRobots.Robot robot, int before) {
        List<String> texts = robot.texts();
        return texts.subList(before, texts.size());
    }

    private static List<UUID> alertIds(FakeRobots.Robot robot) {
        return FakeRobots.alertIds(robot.texts());
    }

    private static HttpResponse<String> send(String method, String path, String body) {
        return TestHttp.send(RunningReport.authorized(HttpRequest.newBuilder(stack.report().uri(path)))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** A request the API must refuse with a 400 whose detail contains {@code detail}. */
    private record BadRequest(String method, String path, String body, String detail) {
    }

    private static BadRequest newRoute(String body, String detail) {
        return new BadRequest("POST", "/api/v1/admin/alert-routes", body, detail);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json(response).get("detail").asString()).contains(detail);
    }
}
