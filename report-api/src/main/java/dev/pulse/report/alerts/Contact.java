package dev.pulse.report.alerts;

import dev.pulse.events.messages.MessageCode;
import dev.pulse.report.web.BadRequestException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How the robots @mention one rep ({@code PUT /api/v1/admin/alert-contacts/{repId}}): WeCom and
 * DingTalk by mobile number or their user id, Feishu by its user id (open_id) only. Every field is
 * optional; a robot without one of its own mentions nobody.
 */
public record Contact(String repId, String mobile, String wecomUserId, String dingtalkUserId, String feishuUserId) {

    private static final Pattern MOBILE = Pattern.compile("\\+?[0-9][0-9-]{4,19}");
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");

    Contact validated(String pathRepId) {
        if (pathRepId == null || !RouteRequest.ID.matcher(pathRepId).matches()) {
            throw new BadRequestException(MessageCode.NOT_AN_IDENTIFIER, "repId");
        }
        check("mobile", mobile, MOBILE);
        check("wecomUserId", wecomUserId, USER_ID);
        check("dingtalkUserId", dingtalkUserId, USER_ID);
        check("feishuUserId", feishuUserId, USER_ID);
        return new Contact(pathRepId, blank(mobile), blank(wecomUserId), blank(dingtalkUserId), blank(feishuUserId));
    }

    /** Mobile numbers to @mention on this robot. */
    List<String> mobiles(WebhookFormat format) {
        boolean byMobile = format == WebhookFormat.WECOM || format == WebhookFormat.DINGTALK;
        return byMobile && mobile != null ? List.of(mobile) : List.of();
    }

    /** The robot's own user ids to @mention. */
    List<String> userIds(WebhookFormat format) {
        String id = switch (format) {
            case WECOM -> wecomUserId;
            case DINGTALK -> dingtalkUserId;
            case FEISHU -> feishuUserId;
            case GENERIC -> null;
        };
        return id == null ? List.of() : List.of(id);
    }

    private static void check(String field, String value, Pattern pattern) {
        if (value != null && !value.isEmpty() && !pattern.matcher(value).matches()) {
            throw new BadRequestException(pattern == MOBILE ? MessageCode.BAD_MOBILE : MessageCode.BAD_ROBOT_USER_ID, field);
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
