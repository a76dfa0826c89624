package dev.pulse.launcher.e2e;

import java.util.UUID;

/** Follow-up and sale JSON as a client would send it; every field not named here is a fixed valid value. */
final class FollowUps {

    private FollowUps() {
    }

    static String followUp(UUID eventId, String customerId, String repId, String teamId, String occurredAt, String channel) {
        return """
                {"eventId":"%s","customerId":"%s","customerName":"客户 %s","phone":"13800138000",
                 "repId":"%s","teamId":"%s","occurredAt":"%s","channel":"%s",
                 "content":"电话沟通需求 — discussed needs","stage":"QUALIFIED"}"""
                .formatted(eventId, customerId, customerId, repId, teamId, occurredAt, channel);
    }

    /** A follow-up with the contact details and content given, for the duplicate checks. */
    static String followUp(UUID eventId, String customerId, String repId, String occurredAt, String phone, String email,
                           String content) {
        return """
                {"eventId":"%s","customerId":"%s","customerName":"客户 %s","phone":%s,"email":%s,
                 "repId":"%s","teamId":"team-d","occurredAt":"%s","channel":"PHONE","content":"%s","stage":"LEAD"}"""
                .formatted(eventId, customerId, customerId, quoted(phone), quoted(email), repId, occurredAt, content);
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    static String sale(String orderId, String customerId, String repId, String teamId, String amount, String occurredAt) {
        return """
                {"orderId":"%s","customerId":"%s","repId":"%s","teamId":"%s","product":"企业版年费",
                 "amount":%s,"occurredAt":"%s"}""".formatted(orderId, customerId, repId, teamId, amount, occurredAt);
    }

    /** A sale in this currency (the one above names none, so ingest makes it CNY). */
    static String sale(String orderId, String customerId, String repId, String teamId, String amount, String currency,
                       String occurredAt) {
        return """
                {"orderId":"%s","customerId":"%s","repId":"%s","teamId":"%s","product":"企业版年费",
                 "amount":%s,"currency":"%s","occurredAt":"%s"}""".formatted(orderId, customerId, repId, teamId, amount,
                currency, occurredAt);
    }
}
