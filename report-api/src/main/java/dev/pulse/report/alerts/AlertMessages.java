package dev.pulse.report.alerts;

import dev.pulse.events.Json;
import dev.pulse.events.alerts.Alert;
import dev.pulse.events.alerts.AlertKind;
import dev.pulse.events.alerts.AlertStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;

/** What an alert says to a receiver: the generic JSON and a short bilingual text for group robots. */
final class AlertMessages {

    private AlertMessages() {
    }

    static Map<String, Object> generic(Alert alert) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "alert");
        message.put("alertId", alert.alertId().toString());
        message.put("event", alert.status().name());
        message.put("alert", Json.MAPPER.convertValue(alert, new TypeReference<Map<String, Object>>() { }));
        return message;
    }

    static String title(Alert alert) {
        if (alert.status() == AlertStatus.RESOLVED) {
            return "已解除 Resolved: " + customer(alert);
        }
        return (alert.kind() == AlertKind.STALE ? "客户久未跟进 Stale customer: " : "跟进已逾期 Follow-up overdue: ")
                + customer(alert);
    }

    private static String customer(Alert alert) {
        return alert.customerName() == null ? alert.customerId() : alert.customerName();
    }

    /** For people to read: names where they are known, the alertId for whoever must match repeats. */
    static String text(Alert alert, Instant now, AlertNames.Lookup names) {
        String team = names.team(alert.teamId());
        StringBuilder text = new StringBuilder()
                .append("客户 Customer: ").append(alert.customerName() == null ? alert.customerId() : alert.customerName()).append('\n')
                .append("负责人 Rep: ").append(names.rep(alert.repId())).append(team == null ? "" : " / " + team).append('\n')
                .append("阶段 Stage: ").append(names.stage(alert.stage())).append('\n');
        if (alert.status() == AlertStatus.RESOLVED) {
            text.append("原因 Why: ").append(alert.resolution()).append('\n');
        } else if (alert.kind() == AlertKind.STALE) {
            text.append("未跟进天数 Days since last follow-up: ").append(days(alert.lastFollowUpAt(), now))
                    .append(" (阈值 threshold ").append(alert.thresholdDays()).append(")\n");
        } else {
            text.append("计划跟进时间 Planned: ").append(alert.nextFollowUpAt()).append('\n');
        }
        String link = names.customerLink(alert.customerId());
        if (link != null) {
            text.append("查看 Open: ").append(link).append('\n');
        }
        return text.append("alertId: ").append(alert.alertId()).toString();
    }

    static double days(Instant since, Instant now) {
        return Math.round(Duration.between(since, now).toMinutes() / 144.0) / 10.0;
    }
}
