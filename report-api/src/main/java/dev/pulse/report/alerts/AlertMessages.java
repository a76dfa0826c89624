package dev.pulse.report.alerts;

import dev.pulse.events.Json;
import dev.pulse.events.alerts.Alert;
import dev.pulse.events.alerts.AlertKind;
import dev.pulse.events.alerts.AlertStatus;
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
            return (Alert.CLAIMED.equals(alert.resolution()) ? "已从公海认领 Claimed from the pool: " : "已解除 Resolved: ")
                    + customer(alert);
        }
        return switch (alert.kind()) {
            case STALE -> "客户久未跟进 Stale customer: ";
            case OVERDUE -> "跟进已逾期 Follow-up overdue: ";
            case ESCALATED -> "升级：客户仍未跟进 Escalated, still not followed up: ";
            case RELEASED -> "已释放到公海 Released to the pool: ";
        } + customer(alert);
    }

    /** A kind's name in both languages, as the digest and the reminders list it. */
    static String kindLabel(String kind) {
        return switch (kind) {
            case "STALE" -> "久未跟进 stale";
            case "OVERDUE" -> "逾期 overdue";
            case "ESCALATED" -> "已升级至经理 escalated to the manager";
            case "RELEASED" -> "已释放到公海 released to the pool";
            default -> kind;
        };
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
            if (alert.claimedBy() != null) {
                text.append("认领人 Claimed by: ").append(names.rep(alert.claimedBy())).append('\n');
            }
        } else if (alert.kind() != AlertKind.OVERDUE) {
            text.append("未跟进天数 Days since last follow-up: ").append(days(alert.lastFollowUpAt(), now))
                    .append(" (阈值 threshold ").append(alert.thresholdDays()).append(")\n");
            if (alert.kind() == AlertKind.RELEASED) {
                text.append("下一位跟进的销售即认领该客户 The next rep to follow up claims the customer\n");
            }
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
        return StaleCustomerView.daysSince(since, now);
    }
}
