package dev.pulse.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pulse.launcher.stack.PulseStack;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The stage funnel end to end on the embedded broker and PostgreSQL. Seven customers, cohort
 * 2026-11-10..11 (Shanghai), every follow-up at 02:00Z (10:00 in Shanghai):
 * <pre>
 * F1 rep-f1 LEAD 11-10, QUALIFIED 11-12, PROPOSAL 11-14, WON 11-16; a sale of 12800.50
 * F2 rep-f1 LEAD 11-10, QUOTE 11-13 (skips two stages), LOST 11-15
 * F3 rep-f1 LEAD 11-11, QUALIFIED 11-12, LEAD 11-13 (a backward move)
 * F4 rep-f1 LEAD 11-11, LOST 11-12
 * F5 rep-f2 LEAD 11-11
 * F6 rep-f2 QUALIFIED 11-11 (first contact already qualified), CONTRACT 11-14, WON 11-16
 * F7 rep-f2 PROPOSAL 11-15 posted before LEAD 11-11 (out of order)
 * </pre>
 * Reached: LEAD 7, QUALIFIED 5 (F1 F2 F3 F6 F7), PROPOSAL 4 (F1 F2 F6 F7), QUOTE 3 (F1 F2 F6),
 * CONTRACT 2, WON 2, LOST 2. Current: LEAD 2 (F3 F5), PROPOSAL 1, WON 2, LOST 2.
 */
class FunnelEndToEndIT {

    private static PulseStack stack;
    private static PulseClient client;

    @BeforeAll
    static void startPulse() {
        stack = EmbeddedStack.start(EmbeddedStack.settingsFor("funnel"));
        client = new PulseClient(stack);
        post("F1", "rep-f1", "2026-11-10", "LEAD");
        post("F1", "rep-f1", "2026-11-12", "QUALIFIED");
        post("F1", "rep-f1", "2026-11-14", "PROPOSAL");
        post("F1", "rep-f1", "2026-11-16", "WON");
        post("F2", "rep-f1", "2026-11-10", "LEAD");
        post("F2", "rep-f1", "2026-11-13", "QUOTE");
        post("F2", "rep-f1", "2026-11-15", "LOST");
        post("F3", "rep-f1", "2026-11-11", "LEAD");
        post("F3", "rep-f1", "2026-11-12", "QUALIFIED");
        post("F3", "rep-f1", "2026-11-13", "LEAD");
        post("F4", "rep-f1", "2026-11-11", "LEAD");
        post("F4", "rep-f1", "2026-11-12", "LOST");
        post("F5", "rep-f2", "2026-11-11", "LEAD");
        post("F6", "rep-f2", "2026-11-11", "QUALIFIED");
        post("F6", "rep-f2", "2026-11-14", "CONTRACT");
        post("F6", "rep-f2", "2026-11-16", "WON");
        post("F7", "rep-f2", "2026-11-15", "PROPOSAL");
        post("F7", "rep-f2", "2026-11-11", "LEAD");
        var sale = client.post("/api/v1/sales", FollowUps.sale("SO-F1", "F1", "rep-f1", "team-f", "12800.50",
                "2026-11-16T03:00:00Z"));
        assertThat(sale.status()).isEqualTo(202);
        var dollars = client.post("/api/v1/sales", FollowUps.sale("SO-F1-USD", "F1", "rep-f1", "team-f", "450.00", "USD",
                "2026-11-16T04:00:00Z"));
        assertThat(dollars.status()).isEqualTo(202);
    }

    @AfterAll
    static void stopPulse() {
        stack.close();
    }

    @Test
    void shouldReportReachedCurrentConversionsAndWinRateOfTheCohort() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode funnel = client.get("/api/v1/reports/funnel?from=2026-11-10&to=2026-11-11");
            assertThat(stages(funnel, "reached")).isEqualTo(Map.of("LEAD", 7, "QUALIFIED", 5, "PROPOSAL", 4, "QUOTE", 3,
                    "CONTRACT", 2, "WON", 2, "LOST", 2));
            assertThat(stages(funnel, "current")).isEqualTo(Map.of("LEAD", 2, "QUALIFIED", 0, "PROPOSAL", 1, "QUOTE", 0,
                    "CONTRACT", 0, "WON", 2, "LOST", 2));
        });
        JsonNode funnel = client.get("/api/v1/reports/funnel?from=2026-11-10&to=2026-11-11");
        assertThat(funnel.get("won").asInt()).isEqualTo(2);
        assertThat(funnel.get("lost").asInt()).isEqualTo(2);
        assertThat(funnel.get("winRate").asDouble()).isEqualTo(0.5);
        Map<String, Double> rates = new LinkedHashMap<>();
        funnel.get("conversions").forEach(c -> rates.put(c.get("from").asString() + ">" + c.get("to").asString(),
                c.get("rate").asDouble()));
        assertThat(rates).containsExactly(Map.entry("LEAD>QUALIFIED", 0.7143), Map.entry("QUALIFIED>PROPOSAL", 0.8),
                Map.entry("PROPOSAL>QUOTE", 0.75), Map.entry("QUOTE>CONTRACT", 0.6667), Map.entry("CONTRACT>WON", 1.0));
    }

    @Test
    void shouldCountEveryStageChangeIncludingBackwardMovesAndLosses() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, Integer> transitions = new LinkedHashMap<>();
            client.get("/api/v1/reports/stage-transitions?from=2026-11-10&to=2026-11-11").get("rows")
                    .forEach(r -> transitions.put(r.get("from").asString() + ">" + r.get("to").asString(), r.get("count").asInt()));
            assertThat(transitions).isEqualTo(Map.of("LEAD>QUALIFIED", 2, "QUALIFIED>PROPOSAL", 1, "PROPOSAL>WON", 1,
                    "LEAD>QUOTE", 1, "QUOTE>LOST", 1, "QUALIFIED>LEAD", 1, "LEAD>LOST", 1, "QUALIFIED>CONTRACT", 1,
                    "CONTRACT>WON", 1, "LEAD>PROPOSAL", 1));
        });
    }

    @Test
    void shouldFilterByOwnerAndReportFollowUpToSaleConversionPerRep() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode repF2 = client.get("/api/v1/reports/funnel?from=2026-11-10&to=2026-11-11&repId=rep-f2");
            assertThat(repF2.get("customers").asInt()).isEqualTo(3);
            assertThat(repF2.get("won").asInt()).isEqualTo(1);
            assertThat(repF2.get("winRate").asDouble()).isEqualTo(1.0);
            JsonNode repF1 = StreamSupport.stream(client.get("/api/v1/reports/rep-conversion?from=2026-11-10&to=2026-11-11")
                    .get("rows").spliterator(), false).filter(r -> r.get("repId").asString().equals("rep-f1")).findFirst()
                    .orElseThrow();
            assertThat(repF1.get("customers").asInt()).isEqualTo(4);
            assertThat(repF1.get("customersWithSale").asInt()).isEqualTo(1);
            // F1 bought in yuan and in dollars: two sums, the 450 USD never added to the 12,800.50 CNY
            assertThat(repF1.get("revenueByCurrency").get("CNY").decimalValue()).isEqualByComparingTo("12800.50");
            assertThat(repF1.get("revenueByCurrency").get("USD").decimalValue()).isEqualByComparingTo("450.00");
            assertThat(repF1.get("revenueByCurrency").size()).isEqualTo(2);
            assertThat(repF1.get("conversion").asDouble()).isEqualTo(0.25);
        });
    }

    private static Map<String, Integer> stages(JsonNode funnel, String field) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        funnel.get("stages").forEach(s -> counts.put(s.get("stage").asString(), s.get(field).asInt()));
        return counts;
    }

    private static void post(String customerId, String repId, String day, String stage) {
        String json = """
                {"eventId":"%s","customerId":"%s","customerName":"客户 %s","email":"%s@funnel.example","repId":"%s",
                 "teamId":"team-f","occurredAt":"%sT02:00:00Z","channel":"MEETING","content":"%s","stage":"%s"%s}"""
                .formatted(UUID.randomUUID(), customerId, customerId, customerId.toLowerCase(), repId, day,
                        "推进到 " + stage, stage, stage.equals("LOST") ? ",\"lostReason\":\"预算不足\"" : "");
        var response = client.post("/api/v1/followups", json);
        assertThat(response.status()).as("%s", response.body()).isEqualTo(202);
    }
}
