package dev.pulse.events.messages;

import java.util.Map;

/** The Chinese names of the events' fields, as the usual sheet headers and the dashboards call them. */
final class FieldNames {

    private static final Map<String, String> ZH = Map.ofEntries(
            Map.entry("eventId", "事件ID"), Map.entry("customerId", "客户ID"), Map.entry("customerName", "客户姓名"),
            Map.entry("phone", "电话"), Map.entry("email", "邮箱"), Map.entry("wechat", "微信"),
            Map.entry("company", "公司名称"), Map.entry("position", "职位"), Map.entry("repId", "负责人"),
            Map.entry("repName", "负责人姓名"), Map.entry("teamId", "团队"), Map.entry("occurredAt", "时间"),
            Map.entry("channel", "跟进方式"), Map.entry("content", "跟进内容"), Map.entry("stage", "客户状态"),
            Map.entry("result", "跟进结果"), Map.entry("nextFollowUpAt", "下次跟进时间"), Map.entry("lostReason", "流失原因"),
            Map.entry("tags", "客户标签"), Map.entry("level", "客户等级"), Map.entry("source", "来源渠道"),
            Map.entry("orderId", "订单编号"), Map.entry("product", "产品/服务"), Map.entry("amount", "成交金额"),
            Map.entry("currency", "币种"), Map.entry("paymentMethod", "付款方式"), Map.entry("shippingStatus", "发货状态"),
            Map.entry("expectedAmount", "预计成交金额"), Map.entry("expectedCurrency", "预计成交币种"),
            Map.entry("expectedCloseDate", "预计成交日期"));

    private FieldNames() {
    }

    static String of(String field, Language language) {
        if (field == null) {
            return "";
        }
        return language == Language.ZH ? ZH.getOrDefault(field, field) : field;
    }
}
